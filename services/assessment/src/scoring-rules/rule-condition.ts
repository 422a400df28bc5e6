import { z } from 'zod';

/**
 * A scoring rule's condition on an event's data, written as data so assessors change the rules
 * without a release: `{ field: 'onTime', equals: true }`, `{ field: 'citingDivisionId',
 * differsFromField: 'sourceDivisionId' }`, combined with `{ all: [...] }` / `{ any: [...] }`
 * and negated with `{ not: ... }`. Fields are dot paths into `data`.
 */
export type RuleCondition =
  | { field: string; equals: Scalar }
  | { field: string; notEquals: Scalar }
  | { field: string; in: Scalar[] }
  | { field: string; differsFromField: string }
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition };

type Scalar = string | number | boolean | null;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const fieldPath = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, '字段路径应为 a.b.c 形式');

export const ruleConditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: fieldPath, equals: scalar }),
    z.strictObject({ field: fieldPath, notEquals: scalar }),
    z.strictObject({ field: fieldPath, in: z.array(scalar).min(1) }),
    z.strictObject({ field: fieldPath, differsFromField: fieldPath }),
    z.strictObject({ all: z.array(ruleConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ruleConditionSchema).min(1) }),
    z.strictObject({ not: ruleConditionSchema }),
  ]),
);

/** Bounds on a condition an assessor writes: real rules nest two or three levels and name a few fields. */
export const MAX_CONDITION_LENGTH = 10_000;
export const MAX_CONDITION_DEPTH = 10;
export const MAX_CONDITION_NODES = 200;

/**
 * Why parsed condition JSON is too large to check, or null. Walked without recursion, so a
 * condition nested thousands of levels deep is refused here instead of overflowing the stack of
 * the (recursive) schema check and of `matchesCondition`.
 */
export function conditionSizeProblem(parsed: unknown): string | null {
  const pending: { value: unknown; depth: number }[] = [{ value: parsed, depth: 1 }];
  let nodes = 0;
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    nodes += 1;
    if (depth > MAX_CONDITION_DEPTH) return `嵌套不能超过 ${MAX_CONDITION_DEPTH} 层`;
    if (nodes > MAX_CONDITION_NODES) return `不能超过 ${MAX_CONDITION_NODES} 个部分`;
    for (const child of Object.values(value)) pending.push({ value: child, depth: depth + 1 });
  }
  return null;
}

/** Whether event data satisfies a condition; a missing field is `undefined` and equals nothing. */
export function matchesCondition(condition: RuleCondition, data: unknown): boolean {
  if ('all' in condition) return condition.all.every((c) => matchesCondition(c, data));
  if ('any' in condition) return condition.any.some((c) => matchesCondition(c, data));
  if ('not' in condition) return !matchesCondition(condition.not, data);
  const value = valueAt(data, condition.field);
  if ('equals' in condition) return value === condition.equals;
  if ('notEquals' in condition) return value !== undefined && value !== condition.notEquals;
  if ('in' in condition) return condition.in.some((candidate) => candidate === value);
  const other = valueAt(data, condition.differsFromField);
  return value !== undefined && other !== undefined && value !== other;
}

/** The fields a condition reads, to check them against the event's contract. */
export function conditionFields(condition: RuleCondition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  if ('differsFromField' in condition) return [condition.field, condition.differsFromField];
  return [condition.field];
}

function valueAt(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
