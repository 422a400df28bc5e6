import { describe, expect, it } from 'vitest';
import {
  aggregateVisibilityFilter,
  mattersByDivisionStatusMonth,
  onTimeRates,
  type CountedMatter,
} from './matter-statistics.rules.js';

const matter = (over: Partial<CountedMatter>): CountedMatter => ({
  leadDivisionId: 'div-a',
  status: 'ASSIGNED',
  createdAt: new Date('2026-05-10T02:00:00Z'),
  completedAt: null,
  completedOnTime: null,
  ...over,
});

describe('matter statistics', () => {
  it('counts by division × status × month created, in China time', () => {
    expect(
      mattersByDivisionStatusMonth([
        matter({}),
        matter({}),
        // 2026-05-31T17:00Z is 1 June, 01:00 in China.
        matter({ createdAt: new Date('2026-05-31T17:00:00Z') }),
        matter({ leadDivisionId: 'div-b', status: 'COMPLETED' }),
      ]),
    ).toEqual([
      { divisionId: 'div-a', status: 'ASSIGNED', month: '2026-05', count: 2 },
      { divisionId: 'div-a', status: 'ASSIGNED', month: '2026-06', count: 1 },
      { divisionId: 'div-b', status: 'COMPLETED', month: '2026-05', count: 1 },
    ]);
  });

  it('gives the share completed on time per division and month completed, within the year', () => {
    const done = (onTime: boolean, at: string) =>
      matter({ status: 'COMPLETED', completedAt: new Date(at), completedOnTime: onTime });
    expect(
      onTimeRates(
        [
          done(true, '2026-03-02T00:00:00Z'),
          done(true, '2026-03-03T00:00:00Z'),
          done(false, '2026-03-04T00:00:00Z'),
          done(true, '2025-12-30T00:00:00Z'),
          matter({}),
        ],
        2026,
      ),
    ).toEqual([
      { divisionId: 'div-a', month: '2026-03', completedOnTime: 2, completedLate: 1, rate: 0.6667 },
    ]);
  });

  it('lets analysts count the whole office within clearance, and others only what they may open', () => {
    const analyst = {
      sub: 'staff-x',
      divisionId: 'div-research',
      roles: ['STAFF', 'ANALYST'] as const,
      clearance: 'CONFIDENTIAL' as const,
    };
    expect(aggregateVisibilityFilter({ ...analyst, roles: [...analyst.roles] })).toEqual({
      classification: { $in: ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL'] },
    });
    const staff = aggregateVisibilityFilter({ ...analyst, roles: ['STAFF'] });
    expect(staff).toHaveProperty('$or');
  });
});
