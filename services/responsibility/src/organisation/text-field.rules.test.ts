import { describe, expect, it } from 'vitest';
import { normalizeText, requiredTextProblem } from './text-field.rules.js';

describe('requiredTextProblem', () => {
  it('accepts text within the limit', () => {
    expect(requiredTextProblem('名称', '综合一处', 10)).toBeNull();
  });

  it('rejects empty and whitespace-only text, naming the field', () => {
    expect(requiredTextProblem('名称', '', 10)).toBe('名称不能为空');
    expect(requiredTextProblem('名称', '   ', 10)).toBe('名称不能为空');
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(requiredTextProblem('名称', '𠀀𠀀', 2)).toBeNull();
    expect(requiredTextProblem('名称', '综合一处', 3)).toBe('名称不能超过 3 个字');
  });

  it('measures the text without its surrounding whitespace', () => {
    expect(requiredTextProblem('名称', '  法规室  ', 3)).toBeNull();
    expect(normalizeText('  法规室  ')).toBe('法规室');
  });
});
