import type { Document } from 'bson';
import { MongoCommandError } from '../errors/mongo-error.js';

/**
 * MongoDB collations mapped onto ICU through `Intl.Collator` (Node ships full ICU): locale,
 * strength 1–3 (and 4–5, treated as 3), caseLevel, caseFirst, numericOrdering and alternate.
 * `{ locale: 'simple' }` (and no collation) is binary comparison.
 */
export type Collation = { compare(a: string, b: string): number };

const cache = new Map<string, Collation>();

export function parseCollation(spec: unknown): Collation | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (typeof spec !== 'object' || Array.isArray(spec)) {
    throw new MongoCommandError(
      'TypeMismatch',
      "BSON field 'collation' is the wrong type, expected type 'object'",
    );
  }
  const c = spec as Document;
  if (typeof c.locale !== 'string') {
    throw new MongoCommandError(
      'FailedToParse',
      "BSON field 'locale' is missing but a required field",
    );
  }
  if (c.locale === 'simple') return undefined;
  if (c.backwards === true) {
    throw new MongoCommandError(
      'CommandNotSupported',
      'collation option backwards is not supported by the embedded server',
    );
  }
  const key = JSON.stringify(c);
  const known = cache.get(key);
  if (known) return known;
  const locale = c.locale.replace(/_/g, '-').replace(/@.*$/, '');
  if (Intl.Collator.supportedLocalesOf([locale]).length === 0) {
    throw new MongoCommandError(
      'BadValue',
      `Field 'locale' is invalid in: { locale: "${c.locale}" }`,
    );
  }
  const strength = c.strength === undefined ? 3 : Number(c.strength);
  if (![1, 2, 3, 4, 5].includes(strength)) {
    throw new MongoCommandError(
      'BadValue',
      `Field 'strength' must be an integer 1 through 5. Got: ${String(c.strength)}`,
    );
  }
  const sensitivity =
    strength === 1
      ? c.caseLevel === true
        ? 'case'
        : 'base'
      : strength === 2
        ? c.caseLevel === true
          ? 'variant'
          : 'accent'
        : 'variant';
  const collator = new Intl.Collator(locale, {
    usage: 'sort',
    sensitivity,
    numeric: c.numericOrdering === true,
    caseFirst: c.caseFirst === 'upper' ? 'upper' : c.caseFirst === 'lower' ? 'lower' : 'false',
    ignorePunctuation: c.alternate === 'shifted',
  });
  const collation: Collation = { compare: (a, b) => collator.compare(a, b) };
  cache.set(key, collation);
  return collation;
}

let active: Collation | undefined;

/** The collation string comparisons use right now (see withCollation). */
export function activeCollation(): Collation | undefined {
  return active;
}

/**
 * Runs synchronous query work (matching, sorting, grouping) with string comparisons made under
 * `collation`. Never spans an await, so no other command can observe it.
 */
export function withCollation<T>(collation: Collation | undefined, work: () => T): T {
  if (!collation) return work();
  const previous = active;
  active = collation;
  try {
    return work();
  } finally {
    active = previous;
  }
}
