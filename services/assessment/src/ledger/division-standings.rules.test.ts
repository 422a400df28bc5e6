import { describe, expect, it } from 'vitest';
import type { ScoreCategory } from '../scoring-rules/scoring-rule.js';
import { periodRanks, standingChanges } from './division-standings.rules.js';

const entry = (
  divisionId: string,
  points: number,
  month: number,
  category: ScoreCategory = 'SHARING',
) => ({
  divisionId,
  category,
  points,
  year: 2026,
  quarter: Math.ceil(month / 3),
  month,
});

describe('standing changes', () => {
  it('counts every entry in its year, quarter and month, summed per division and category', () => {
    const changes = standingChanges([
      entry('div-a', 1, 5),
      entry('div-a', 0.5, 6),
      entry('div-a', 2, 5, 'RESPONSIBILITY'),
      entry('div-b', 0, 5),
    ]);
    const of = (period: string, divisionId: string) =>
      changes.find((c) => c.period === period && c.divisionId === divisionId);
    expect(of('2026', 'div-a')).toEqual({
      period: '2026',
      divisionId: 'div-a',
      total: 3.5,
      points: { SHARING: 1.5, RESPONSIBILITY: 2 },
    });
    expect(of('2026-Q2', 'div-a')?.total).toBe(3.5);
    expect(of('2026-05', 'div-a')?.total).toBe(3);
    expect(of('2026-06', 'div-a')?.total).toBe(0.5);
    // Scored 0 still names the division: it gets a standing, hence a rank.
    expect(of('2026-05', 'div-b')).toEqual({
      period: '2026-05',
      divisionId: 'div-b',
      total: 0,
      points: { SHARING: 0 },
    });
    expect(changes).toHaveLength(7);
  });
});

describe('period ranks', () => {
  it('gives competition ranks, whole and per category, ties sharing a rank', () => {
    const zero = { RESPONSIBILITY: 0, SHARING: 0, INTERACTION: 0, ACHIEVEMENT: 0 };
    const ranks = periodRanks([
      { divisionId: 'div-a', total: 5, points: { ...zero, SHARING: 5 } },
      { divisionId: 'div-b', total: 5, points: { ...zero, RESPONSIBILITY: 5 } },
      { divisionId: 'div-c', total: -1, points: { ...zero, RESPONSIBILITY: -1 } },
      { divisionId: 'div-d', total: 0, points: zero },
    ]);
    expect(ranks.get('div-a')).toEqual({
      rank: 1,
      categoryRanks: { RESPONSIBILITY: 2, SHARING: 1, INTERACTION: 1, ACHIEVEMENT: 1 },
    });
    expect(ranks.get('div-b')?.rank).toBe(1);
    expect(ranks.get('div-d')?.rank).toBe(3);
    expect(ranks.get('div-c')).toEqual({
      rank: 4,
      categoryRanks: { RESPONSIBILITY: 4, SHARING: 2, INTERACTION: 1, ACHIEVEMENT: 1 },
    });
  });
});
