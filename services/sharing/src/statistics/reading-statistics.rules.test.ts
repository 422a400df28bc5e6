import { describe, expect, it } from 'vitest';
import {
  readingCountFilter,
  readingRates,
  type CountedReading,
} from './reading-statistics.rules.js';

const reading = (over: Partial<CountedReading>): CountedReading => ({
  divisionId: 'div-a',
  dueAt: new Date('2026-04-10T02:00:00Z'),
  acknowledgedAt: null,
  onTime: null,
  ...over,
});

describe('reading statistics', () => {
  it('gives each division’s readings due per month, acknowledged and on time', () => {
    const acknowledged = new Date('2026-04-09T02:00:00Z');
    expect(
      readingRates([
        reading({ acknowledgedAt: acknowledged, onTime: true }),
        reading({ acknowledgedAt: acknowledged, onTime: false }),
        reading({}),
        reading({ divisionId: null }),
      ]),
    ).toEqual([
      {
        divisionId: 'div-a',
        month: '2026-04',
        due: 3,
        acknowledged: 2,
        acknowledgedOnTime: 1,
        onTimeRate: 0.3333,
      },
    ]);
  });

  it('counts every division for analysts and one’s own division for everybody else', () => {
    const viewer = { divisionId: 'div-a', clearance: 'INTERNAL' as const };
    expect(readingCountFilter({ ...viewer, roles: ['STAFF', 'ANALYST'] })).toEqual({
      classification: { $in: ['PUBLIC', 'INTERNAL'] },
      divisionId: { $ne: null },
    });
    expect(readingCountFilter({ ...viewer, roles: ['STAFF'] })).toEqual({
      classification: { $in: ['PUBLIC', 'INTERNAL'] },
      divisionId: 'div-a',
    });
    expect(readingCountFilter({ ...viewer, divisionId: null, roles: ['STAFF'] })).toEqual({
      _id: { $in: [] },
    });
  });
});
