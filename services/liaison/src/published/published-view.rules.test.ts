import { describe, expect, it } from 'vitest';
import { isFreshQuery, publishedStatistics } from './published-view.rules.js';

const now = new Date('2026-12-06T08:00:00Z');
const matter = (
  status: 'ASSIGNED' | 'ACCEPTED' | 'COMPLETED',
  deadline: string,
  over: { escalation?: 'RED' | null; onTime?: boolean } = {},
) => ({
  status,
  deadline,
  escalation: over.escalation ?? null,
  updates:
    status === 'COMPLETED'
      ? [
          {
            type: 'COMPLETED' as const,
            at: '2026-12-01T00:00:00Z',
            percent: null,
            onSchedule: null,
            onTime: over.onTime ?? true,
            level: null,
          },
        ]
      : [],
});

describe('a view query', () => {
  it('is answered within two minutes of being made, either way', () => {
    expect(isFreshQuery(new Date('2026-12-06T07:58:30Z'), now)).toBe(true);
    expect(isFreshQuery(new Date('2026-12-06T08:01:30Z'), now)).toBe(true);
  });
  it('is taken for a replay when older (or from a clock far ahead)', () => {
    expect(isFreshQuery(new Date('2026-12-06T07:50:00Z'), now)).toBe(false);
    expect(isFreshQuery(new Date('2026-12-06T08:05:00Z'), now)).toBe(false);
  });
});

describe('the figures over what a lower office published', () => {
  it('count assigned, taken on, completed (on time), overdue and red matters, and reports', () => {
    expect(
      publishedStatistics(
        [
          matter('ASSIGNED', '2026-12-01T00:00:00Z'),
          matter('ACCEPTED', '2026-12-20T00:00:00Z', { escalation: 'RED' }),
          matter('COMPLETED', '2026-12-01T00:00:00Z'),
          matter('COMPLETED', '2026-11-01T00:00:00Z', { onTime: false }),
        ],
        2,
        now,
      ),
    ).toEqual({
      assigned: 4,
      accepted: 3,
      completed: 2,
      completedOnTime: 1,
      overdue: 1,
      red: 1,
      reports: 2,
    });
  });
});
