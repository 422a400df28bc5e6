import { describe, expect, it } from 'vitest';
import { textProblem } from './text-problem.js';

describe('textProblem', () => {
  it('accepts text within the limit', () => {
    expect(textProblem('名称', '综合一处', 10)).toBeNull();
  });

  it('rejects empty and whitespace-only text, naming the field', () => {
    expect(textProblem('名称', '', 10)).toBe('名称不能为空');
    expect(textProblem('名称', '   ', 10)).toBe('名称不能为空');
  });

  it('rejects text of invisible characters only, as empty', () => {
    expect(textProblem('标题', '\u200b\u3000 ', 10)).toBe('标题不能为空');
    expect(textProblem('标题', '\ufeff\u2060\u200d', 10)).toBe('标题不能为空');
    expect(textProblem('标题', '\u200b通知', 10)).toBeNull();
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(textProblem('名称', '𠀀𠀀', 2)).toBeNull();
    expect(textProblem('名称', '综合一处', 3)).toBe('名称不能超过 3 个字');
  });

  it('measures the text without its surrounding whitespace', () => {
    expect(textProblem('名称', '  法规室  ', 3)).toBeNull();
  });

  it('lets optional text be empty, still within the limit', () => {
    expect(textProblem('备注', '  ', 3, { required: false })).toBeNull();
    expect(textProblem('备注', '一二三四', 3, { required: false })).toBe('备注不能超过 3 个字');
  });
});
