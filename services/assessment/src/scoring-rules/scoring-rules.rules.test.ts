import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, defaultRuleSet } from './default-rule-set.js';
import type { ScoringRuleDraft } from './scoring-rule.js';
import { canonicalJson, scoringRuleProblems, versionRules } from './scoring-rules.rules.js';

const drafts = (): ScoringRuleDraft[] => DEFAULT_RULES.map(({ version: _v, ...rule }) => rule);
const grading = defaultRuleSet(2026).grading;

describe('scoringRuleProblems', () => {
  it('accepts the default rule set', () => {
    expect(scoringRuleProblems(drafts(), grading)).toEqual([]);
  });

  it('names every problem at once', () => {
    const [first, second] = drafts();
    const problems = scoringRuleProblems(
      [
        { ...first!, points: 0 },
        { ...second!, id: first!.id, eventType: 'heli.nowhere.thing.v1' },
        { ...first!, id: 'bad-target', target: 'nobodyDivisionId' },
        { ...first!, id: 'bad-condition', condition: { field: 'lateness', equals: 1 } },
      ],
      { excellent: 10, good: 20, pass: 0 },
    );
    expect(problems).toEqual([
      '规则“matter-completed-on-time”的分值必须是非零数字',
      '规则“matter-completed-on-time”重复',
      '规则“matter-completed-on-time”的事件类型“heli.nowhere.thing.v1”不是可计分的事件',
      '规则“bad-target”的计分对象“nobodyDivisionId”不在该事件中',
      '规则“bad-condition”的条件引用了事件中没有的字段：lateness',
      '等次分数线须满足 优秀 > 良好 > 合格',
    ]);
  });
});

describe('scoringRuleProblems: bounds', () => {
  it('says huge points and caps are out of range, and refuses overlong descriptions', () => {
    const [first] = drafts();
    const problems = scoringRuleProblems(
      [
        { ...first!, points: 1e308 },
        { ...first!, id: 'huge-cap', cap: { points: 1e308, period: 'MONTH' } },
        { ...first!, id: 'long-text', description: '说'.repeat(201) },
        { ...first!, id: 'fine-decimals', points: 0.125 },
      ],
      grading,
    );
    expect(problems).toEqual([
      '规则“matter-completed-on-time”的分值超出范围：绝对值不能超过 1000',
      '规则“huge-cap”的上限超出范围：绝对值不能超过 1000',
      '规则“long-text”的说明不能超过 200 个字',
      '规则“fine-decimals”的分值最多两位小数',
    ]);
  });

  it('refuses negative grade thresholds', () => {
    expect(scoringRuleProblems(drafts(), { excellent: 10, good: 0, pass: -5 })).toEqual([
      '等次分数线不能为负数',
    ]);
  });
});

describe('versionRules', () => {
  it('keeps versions of unchanged rules, bumps changed ones, starts new ones at 1', () => {
    const proposed = drafts().map((rule) =>
      rule.id === 'matter-completed-on-time' ? { ...rule, points: 4 } : rule,
    );
    proposed.push({ ...proposed[0]!, id: 'brand-new' });
    const versioned = versionRules(DEFAULT_RULES, proposed);
    const versionOf = (id: string) => versioned.find((rule) => rule.id === id)?.version;
    expect(versionOf('matter-completed-on-time')).toBe(2);
    expect(versionOf('matter-overdue')).toBe(1);
    expect(versionOf('brand-new')).toBe(1);
  });

  it('continues the version of a rule that was removed and comes back changed', () => {
    const [rule] = drafts();
    const back = versionRules([], [{ ...rule!, points: 5 }], new Map([[rule!.id, 3]]));
    expect(back[0]?.version).toBe(4);
  });

  it('does not see a change in the order keys were written', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: 2 }, b: 1 }),
    );
  });
});
