import { DomainError } from '@heli/subgraph-runtime';
import { dataFieldsOf, findScorableEvent } from '../scoring-events/scorable-events.js';
import { pointsProblem } from '../ledger/points.rules.js';
import { conditionFields } from './rule-condition.js';
import type { GradeThresholds, ScoringRule, ScoringRuleDraft } from './scoring-rule.js';
import { isTargetPath, targetPathFields } from './target-path.js';

export class InvalidScoringRules extends DomainError {
  override readonly name = 'InvalidScoringRules';
  constructor(problems: string[]) {
    super(problems.join('；'), { code: 'BAD_USER_INPUT', details: { problems } });
  }
}

const RULE_ID = /^[a-z][a-z0-9-]{1,63}$/;
/** A rule's description is a line in a list of standards, as long as another service's title. */
export const RULE_DESCRIPTION_MAX = 200;

/** Every problem with a proposed rule set, in Chinese, empty when it can be applied. */
export function scoringRuleProblems(rules: ScoringRuleDraft[], grading: GradeThresholds): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const name = `规则“${rule.id}”`;
    if (!RULE_ID.test(rule.id)) problems.push(`${name}的编号只能用小写字母、数字和连字符`);
    if (seen.has(rule.id)) problems.push(`${name}重复`);
    seen.add(rule.id);
    if (rule.description.trim() === '') problems.push(`${name}缺少说明`);
    else if ([...rule.description.trim()].length > RULE_DESCRIPTION_MAX) {
      problems.push(`${name}的说明不能超过 ${RULE_DESCRIPTION_MAX} 个字`);
    }
    const pointsWrong =
      rule.points === 0
        ? `${name}的分值必须是非零数字`
        : pointsProblem(`${name}的分值`, rule.points);
    if (pointsWrong !== null) problems.push(pointsWrong);
    if (rule.cap !== null) {
      const capWrong = pointsProblem(`${name}的上限`, rule.cap.points);
      if (capWrong !== null) problems.push(capWrong);
      else if (!(rule.cap.points > 0)) problems.push(`${name}的上限必须大于零`);
    }
    if (!findScorableEvent(rule.eventType)) {
      problems.push(`${name}的事件类型“${rule.eventType}”不是可计分的事件`);
      continue;
    }
    const fields = new Set(dataFieldsOf(rule.eventType));
    if (!isTargetPath(rule.target)) {
      problems.push(`${name}的计分对象路径“${rule.target}”格式不对`);
    } else if (!fields.has(targetPathFields(rule.target)[0] ?? '')) {
      problems.push(`${name}的计分对象“${rule.target}”不在该事件中`);
    }
    const unknown = (rule.condition ? conditionFields(rule.condition) : [])
      .map((path) => path.split('.')[0] ?? '')
      .filter((top) => !fields.has(top));
    if (unknown.length > 0)
      problems.push(`${name}的条件引用了事件中没有的字段：${unknown.join('、')}`);
  }
  if (!(grading.excellent > grading.good && grading.good > grading.pass)) {
    problems.push('等次分数线须满足 优秀 > 良好 > 合格');
  }
  if ([grading.excellent, grading.good, grading.pass].some((line) => !(line >= 0))) {
    problems.push('等次分数线不能为负数');
  }
  return problems;
}

export function assertValidScoringRules(rules: ScoringRuleDraft[], grading: GradeThresholds): void {
  const problems = scoringRuleProblems(rules, grading);
  if (problems.length > 0) throw new InvalidScoringRules(problems);
}

/**
 * Versions for a proposed rule set: an unchanged rule keeps its version, a changed one gets the
 * next, a new one starts at 1 — or continues after a removed rule of the same id came back.
 */
export function versionRules(
  previous: readonly ScoringRule[],
  proposed: readonly ScoringRuleDraft[],
  retired: ReadonlyMap<string, number> = new Map(),
): ScoringRule[] {
  const before = new Map(previous.map((rule) => [rule.id, rule]));
  return proposed.map((draft) => {
    const old = before.get(draft.id);
    if (old && sameRule(old, draft)) return { ...draft, version: old.version };
    const last = old?.version ?? retired.get(draft.id) ?? 0;
    return { ...draft, version: last + 1 };
  });
}

function sameRule(rule: ScoringRule, draft: ScoringRuleDraft): boolean {
  const { version: _version, ...withoutVersion } = rule;
  return canonicalJson(withoutVersion) === canonicalJson(draft);
}

/** JSON with object keys sorted, so equal data compares equal whatever order it was written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
