import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';
import { typeRank, Rank } from './bson-order.js';
import type { SecondaryIndex } from './secondary-index.js';
import type { Bound } from './sorted-index.js';
import { valueKey } from './value-key.js';

/**
 * How a read finds its candidate documents. Every candidate is still tested against the full
 * filter, so a plan only has to return a superset of the matches.
 */
export type Plan =
  | { kind: 'collectionScan' }
  | { kind: 'idLookup'; ids: string[] }
  | {
      kind: 'indexScan';
      index: SecondaryIndex;
      ranges: Array<{ lower?: Bound; upper?: Bound }>;
      /** How many leading index keys the filter fixes by equality. */
      equalityPrefix: number;
      /** Walk the index backwards (for a descending sort it provides). */
      reverse?: boolean;
      /** The walk already yields documents in the requested sort order. */
      providesSort?: boolean;
    };

type FieldPredicate = { equals?: unknown[]; lower?: Bound; upper?: Bound };

const MAX_POINT_LOOKUPS = 1000;

export function planQuery(
  filter: Document,
  indexes: Iterable<SecondaryIndex>,
  hint?: unknown,
): Plan {
  if (isNaturalHint(hint)) return { kind: 'collectionScan' };
  const predicates = sargablePredicates(filter);
  const idPredicate = predicates.get('_id');
  if (hint === undefined && idPredicate?.equals)
    return { kind: 'idLookup', ids: idPredicate.equals.map(valueKey) };

  let best: { score: number; plan: Plan } | undefined;
  let hinted = hint === undefined || isIdHint(hint);
  for (const index of indexes) {
    if (hint !== undefined && !hintNames(index, hint)) continue;
    hinted = true;
    const candidate = planForIndex(index, predicates);
    if (!candidate) continue;
    if (!best || candidate.score > best.score) best = candidate;
  }
  if (best) return best.plan;
  if (!hinted) {
    throw new MongoCommandError(
      'BadValue',
      'hint provided does not correspond to an existing index',
    );
  }
  if (hint === undefined || isIdHint(hint)) {
    if (idPredicate?.equals) return { kind: 'idLookup', ids: idPredicate.equals.map(valueKey) };
  }
  return { kind: 'collectionScan' };
}

function isNaturalHint(hint: unknown): boolean {
  return typeof hint === 'object' && hint !== null && '$natural' in hint;
}

function isIdHint(hint: unknown): boolean {
  return (
    hint === '_id_' ||
    (typeof hint === 'object' && hint !== null && Object.keys(hint).join() === '_id')
  );
}

function hintNames(index: SecondaryIndex, hint: unknown): boolean {
  if (typeof hint === 'string') return index.spec.name === hint;
  if (typeof hint === 'object' && hint !== null) {
    const keys = Object.entries(hint as Document);
    const own = Object.entries(index.spec.key);
    return (
      keys.length === own.length &&
      keys.every(([k, v], i) => own[i]![0] === k && Number(own[i]![1]) === Number(v))
    );
  }
  return false;
}

function planForIndex(
  index: SecondaryIndex,
  predicates: Map<string, FieldPredicate>,
): { score: number; plan: Plan } | undefined {
  // A partial index only holds some documents; using it would need proof the filter implies
  // its expression, which this planner does not attempt.
  if (index.spec.partialFilterExpression || index.spec.sparse) return undefined;
  let prefixes: unknown[][] = [[]];
  let score = 0;
  let range: FieldPredicate | undefined;
  for (const path of index.paths) {
    const p = predicates.get(path);
    if (p?.equals) {
      const next: unknown[][] = [];
      for (const prefix of prefixes) for (const v of p.equals) next.push([...prefix, v]);
      if (next.length > MAX_POINT_LOOKUPS) break;
      prefixes = next;
      score += 2;
      continue;
    }
    if (p && (p.lower || p.upper)) {
      range = p;
      score += 1;
    }
    break;
  }
  if (score === 0) return undefined;
  if (index.spec.unique && prefixes[0]!.length === index.paths.length) score += 1;
  const ranges = prefixes.map((prefix) => {
    if (!range)
      return { lower: { key: prefix, inclusive: true }, upper: { key: prefix, inclusive: true } };
    // On a multikey index one array may satisfy $gt and $lt with different elements, so only
    // one bound may narrow the scan.
    const upperOnly = !range.lower;
    const useLower = range.lower !== undefined;
    const useUpper = range.upper !== undefined && (!index.multikey || upperOnly);
    return {
      lower: useLower
        ? { key: [...prefix, range.lower!.key[0]], inclusive: range.lower!.inclusive }
        : prefix.length
          ? { key: prefix, inclusive: true }
          : undefined,
      upper: useUpper
        ? { key: [...prefix, range.upper!.key[0]], inclusive: range.upper!.inclusive }
        : prefix.length
          ? { key: prefix, inclusive: true }
          : undefined,
    };
  });
  return { score, plan: { kind: 'indexScan', index, ranges, equalityPrefix: prefixes[0]!.length } };
}

/**
 * Lets an index walk deliver the sort order, so `sort + limit` stops after `limit` matches:
 * either the chosen index continues, after its equality prefix, with the sort keys, or (when
 * the filter uses no index) an index leads with them. Entries are stored ascending on every
 * key, so a sort qualifies when all its directions are equal; multikey, sparse and partial
 * indexes never do (they repeat or omit documents).
 */
export function orderedPlan(
  plan: Plan,
  indexes: Iterable<SecondaryIndex>,
  sort: Document,
  hint?: unknown,
): Plan {
  const keys = Object.entries(sort);
  const direction = keys[0]?.[1];
  if ((direction !== 1 && direction !== -1) || keys.some(([, d]) => d !== direction)) return plan;
  const fields = keys.map(([field]) => field);
  const reverse = direction === -1;
  const leadsWith = (index: SecondaryIndex, from: number): boolean =>
    fields.every((f, i) => index.paths[from + i] === f);
  if (plan.kind === 'indexScan') {
    if (
      plan.ranges.length !== 1 ||
      plan.index.multikey ||
      !leadsWith(plan.index, plan.equalityPrefix)
    )
      return plan;
    return { ...plan, reverse, providesSort: true };
  }
  if (plan.kind !== 'collectionScan' || hint !== undefined) return plan;
  for (const index of indexes) {
    if (
      index.multikey ||
      index.spec.sparse ||
      index.spec.partialFilterExpression ||
      !leadsWith(index, 0)
    )
      continue;
    return {
      kind: 'indexScan',
      index,
      ranges: [{}],
      equalityPrefix: 0,
      reverse,
      providesSort: true,
    };
  }
  return plan;
}

/** Equality and range conditions on top-level paths (also inside a top-level $and). */
export function sargablePredicates(filter: Document): Map<string, FieldPredicate> {
  const out = new Map<string, FieldPredicate>();
  const visit = (f: Document): void => {
    for (const [path, cond] of Object.entries(f)) {
      if (path === '$and' && Array.isArray(cond)) {
        for (const clause of cond)
          if (clause && typeof clause === 'object') visit(clause as Document);
        continue;
      }
      if (path.startsWith('$')) continue;
      const p = predicateOf(cond);
      if (p) merge(out, path, p);
    }
  };
  visit(filter);
  return out;
}

function merge(out: Map<string, FieldPredicate>, path: string, p: FieldPredicate): void {
  const existing = out.get(path);
  if (!existing) {
    out.set(path, p);
    return;
  }
  if (p.equals && !existing.equals) existing.equals = p.equals;
  existing.lower ??= p.lower;
  existing.upper ??= p.upper;
}

function predicateOf(cond: unknown): FieldPredicate | undefined {
  if (!isOperatorDocument(cond)) return isIndexableValue(cond) ? { equals: [cond] } : undefined;
  const ops = cond as Document;
  const p: FieldPredicate = {};
  if ('$eq' in ops && isIndexableValue(ops.$eq)) p.equals = [ops.$eq];
  if (Array.isArray(ops.$in) && ops.$in.length > 0 && ops.$in.every(isIndexableValue))
    p.equals ??= ops.$in;
  if (isRangeValue(ops.$gt)) p.lower = { key: [ops.$gt], inclusive: false };
  if (isRangeValue(ops.$gte)) p.lower = { key: [ops.$gte], inclusive: true };
  if (isRangeValue(ops.$lt)) p.upper = { key: [ops.$lt], inclusive: false };
  if (isRangeValue(ops.$lte)) p.upper = { key: [ops.$lte], inclusive: true };
  return p.equals || p.lower || p.upper ? p : undefined;
}

function isOperatorDocument(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  if (typeRank(v) !== Rank.Object) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys[0]!.startsWith('$');
}

/** Values whose equality match is exactly "some index key equals it". */
function isIndexableValue(v: unknown): boolean {
  const rank = typeRank(v);
  return (
    rank !== Rank.Array &&
    rank !== Rank.RegExp &&
    rank !== Rank.MinKey &&
    rank !== Rank.MaxKey &&
    v !== undefined
  );
}

function isRangeValue(v: unknown): boolean {
  return v !== undefined && v !== null && isIndexableValue(v);
}
