import { describe, expect, it } from 'vitest';
import {
  conditionFields,
  conditionSizeProblem,
  matchesCondition,
  ruleConditionSchema,
} from './rule-condition.js';

const cited = { sourceDivisionId: 'div-a', citingDivisionId: 'div-b', meta: { onTime: true } };

describe('matchesCondition', () => {
  it('compares a field with a value, nested paths included', () => {
    expect(matchesCondition({ field: 'meta.onTime', equals: true }, cited)).toBe(true);
    expect(matchesCondition({ field: 'meta.onTime', equals: false }, cited)).toBe(false);
    expect(matchesCondition({ field: 'sourceDivisionId', in: ['div-x', 'div-a'] }, cited)).toBe(
      true,
    );
  });

  it('treats a missing field as matching no value, not even notEquals', () => {
    expect(matchesCondition({ field: 'missing', equals: null }, cited)).toBe(false);
    expect(matchesCondition({ field: 'missing', notEquals: 'x' }, cited)).toBe(false);
    expect(matchesCondition({ field: 'meta.onTime.deeper', equals: true }, cited)).toBe(false);
  });

  it('compares two fields: a citation by another division, not by the source itself', () => {
    const byOther = { field: 'citingDivisionId', differsFromField: 'sourceDivisionId' };
    expect(matchesCondition(byOther, cited)).toBe(true);
    expect(matchesCondition(byOther, { ...cited, citingDivisionId: 'div-a' })).toBe(false);
  });

  it('combines with all, any and not', () => {
    const a = { field: 'sourceDivisionId', equals: 'div-a' };
    const z = { field: 'sourceDivisionId', equals: 'div-z' };
    expect(matchesCondition({ all: [a, { not: z }] }, cited)).toBe(true);
    expect(matchesCondition({ all: [a, z] }, cited)).toBe(false);
    expect(matchesCondition({ any: [z, a] }, cited)).toBe(true);
  });
});

describe('ruleConditionSchema', () => {
  it('accepts conditions written as data', () => {
    const condition = {
      all: [{ field: 'onTime', equals: true }, { not: { field: 'x', in: [1] } }],
    };
    expect(ruleConditionSchema.parse(condition)).toEqual(condition);
    expect(conditionFields(condition)).toEqual(['onTime', 'x']);
  });

  it('refuses code, unknown operators and malformed paths', () => {
    for (const bad of [
      { field: 'onTime', matches: 'true' },
      { field: 'a..b', equals: 1 },
      { field: 'onTime', equals: { $where: 'x' } },
      { all: [] },
      'data.onTime === true',
    ]) {
      expect(ruleConditionSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('conditionSizeProblem', () => {
  const nest = (levels: number): unknown => {
    let condition: unknown = { field: 'onTime', equals: true };
    for (let i = 0; i < levels; i += 1) condition = { not: condition };
    return condition;
  };

  it('accepts conditions as assessors write them', () => {
    expect(conditionSizeProblem(nest(3))).toBeNull();
    expect(conditionSizeProblem({ all: [nest(1), nest(2)] })).toBeNull();
  });

  it('refuses deep nesting without recursing, even 100,000 levels', () => {
    expect(conditionSizeProblem(nest(10))).toBe('嵌套不能超过 10 层');
    expect(conditionSizeProblem(nest(100_000))).toBe('嵌套不能超过 10 层');
  });

  it('refuses a condition with too many parts', () => {
    const wide = { any: Array.from({ length: 300 }, () => ({ field: 'a', equals: 1 })) };
    expect(conditionSizeProblem(wide)).toBe('不能超过 200 个部分');
  });
});
