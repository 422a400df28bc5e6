import { describe, expect, it } from 'vitest';
import { lengthProblem } from './text-limits.js';

describe('lengthProblem', () => {
  it('names the field when the text is longer than allowed, and passes empty or absent text', () => {
    expect(lengthProblem('一二三', 3, '意见')).toBeNull();
    expect(lengthProblem('一二三四', 3, '意见')).toBe('意见不能超过 3 个字');
    expect(lengthProblem(null, 3, '意见')).toBeNull();
    expect(lengthProblem(undefined, 3, '意见')).toBeNull();
  });
});
