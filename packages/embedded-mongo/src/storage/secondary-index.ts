import type { Document } from 'bson';
import type { IndexSpec } from '../durability/durable-store.js';
import { MongoCommandError } from '../errors/mongo-error.js';
import { createQuery } from '../query/mingo-options.js';
import { indexKeysOf, hasPath, type IndexKey } from './index-keys.js';
import { compareKeys, SortedIndex, type Bound, type IndexEntry } from './sorted-index.js';

/** A secondary index: its spec, its sorted entries, and the rules that decide what it holds. */
export class SecondaryIndex {
  readonly paths: string[];
  readonly entries = new SortedIndex();
  /** Set once any document produced several keys; range bounds may then not be intersected. */
  multikey = false;
  private readonly partial: ReturnType<typeof createQuery> | undefined;

  constructor(readonly spec: IndexSpec) {
    this.paths = Object.keys(spec.key);
    this.partial = spec.partialFilterExpression
      ? createQuery(spec.partialFilterExpression)
      : undefined;
  }

  /** The keys a document contributes, or none when sparse/partial rules leave it out. */
  keysOf(doc: Document): IndexKey[] {
    if (this.spec.sparse && !this.paths.some((p) => hasPath(doc, p))) return [];
    if (this.partial && !this.partial.test(doc)) return [];
    const { keys, multikey } = indexKeysOf(doc, this.paths);
    if (multikey) this.multikey = true;
    return keys;
  }

  add(id: string, doc: Document): void {
    for (const key of this.keysOf(doc)) this.entries.insert({ key, id });
  }

  /**
   * Builds the index over existing documents in one sort; for a unique index, adjacent equal
   * keys of different documents are the duplicates.
   */
  build(docs: Iterable<[string, Document]>, ns: string): void {
    const entries: IndexEntry[] = [];
    for (const [id, doc] of docs) for (const key of this.keysOf(doc)) entries.push({ key, id });
    this.entries.load(entries);
    if (!this.spec.unique) return;
    let previous: IndexEntry | undefined;
    for (const entry of this.entries.all()) {
      if (previous && previous.id !== entry.id && compareKeys(previous.key, entry.key) === 0) {
        throw duplicateKeyError(ns, this.spec, entry.key);
      }
      previous = entry;
    }
  }

  remove(id: string, doc: Document): void {
    for (const key of this.keysOf(doc)) this.entries.remove({ key, id });
  }

  /** The first entry of another document with one of `doc`'s keys, if the index is unique. */
  conflictWith(
    id: string,
    doc: Document,
    ignore?: (otherId: string) => boolean,
  ): { id: string; key: IndexKey } | undefined {
    if (!this.spec.unique) return undefined;
    for (const key of this.keysOf(doc)) {
      for (const entry of this.entries.entriesEqualTo(key)) {
        if (entry.id !== id && entry.key.length === key.length && !ignore?.(entry.id))
          return { id: entry.id, key };
      }
    }
    return undefined;
  }

  scan(lower: Bound | undefined, upper: Bound | undefined, reverse = false): Generator<IndexEntry> {
    return this.entries.range(lower, upper, reverse);
  }
}

/** E11000 exactly as mongod words it, with the `keyPattern`/`keyValue` mongoose reads. */
export function duplicateKeyError(ns: string, spec: IndexSpec, key: IndexKey): MongoCommandError {
  const keyValue: Document = {};
  Object.keys(spec.key).forEach((path, i) => {
    keyValue[path] = key[i] ?? null;
  });
  const shown = Object.entries(keyValue)
    .map(([k, v]) => `${k}: ${renderValue(v)}`)
    .join(', ');
  return new MongoCommandError(
    'DuplicateKey',
    `E11000 duplicate key error collection: ${ns} index: ${spec.name} dup key: { ${shown} }`,
    {
      extra: { keyPattern: { ...spec.key }, keyValue },
    },
  );
}

function renderValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  const tagged = v as { _bsontype?: string; toHexString?: () => string };
  if (tagged._bsontype === 'ObjectId') return `ObjectId('${tagged.toHexString!()}')`;
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

export function defaultIndexName(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([k, v]) => `${k}_${String(v)}`)
    .join('_');
}
