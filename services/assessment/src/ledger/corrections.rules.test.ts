import { describe, expect, it } from 'vitest';
import { correctionProblems } from './corrections.rules.js';
import { pointsProblem } from './points.rules.js';

describe('pointsProblem', () => {
  it('accepts scores of at most two decimals within ±1000', () => {
    for (const points of [3, -0.5, 12.25, 1000, -1000]) {
      expect(pointsProblem('分值', points)).toBeNull();
    }
  });

  it('says a huge or non-finite score is out of range, not that it has too many decimals', () => {
    for (const points of [1e308, -1e9, 1000.01, Infinity, Number.NaN]) {
      expect(pointsProblem('分值', points)).toBe('分值超出范围：绝对值不能超过 1000');
    }
    expect(pointsProblem('分值', 0.125)).toBe('分值最多两位小数');
  });
});

describe('correctionProblems', () => {
  it('names out-of-range points and a missing or overlong reason together', () => {
    expect(correctionProblems({ points: 2, reason: '复核后更正' })).toEqual([]);
    expect(correctionProblems({ points: 1e308, reason: '  ' })).toEqual([
      '更正后的分值超出范围：绝对值不能超过 1000',
      '更正记分必须说明理由',
    ]);
    expect(correctionProblems({ points: 1, reason: '理'.repeat(5001) })).toEqual([
      '更正理由不能超过 5000 个字',
    ]);
  });
});
