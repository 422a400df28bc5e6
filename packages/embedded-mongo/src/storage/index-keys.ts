import type { Document } from 'bson';
import { valueKey } from './value-key.js';

export type IndexKey = unknown[];

/** The values one indexed path yields for a document; arrays fan out (multikey). */
export function valuesAtPath(doc: unknown, path: string): { values: unknown[]; viaArray: boolean } {
  const found: PathValues = { parts: path.split('.'), out: [], viaArray: false };
  walkPath(found, doc, 0);
  return { values: dedupe(found.out), viaArray: found.viaArray };
}

type PathValues = { parts: string[]; out: unknown[]; viaArray: boolean };

// A module function, not a closure made per call: every index key of every write goes through
// here, and a named closure costs a property definition each time under tsx (esbuild keepNames).
function walkPath(found: PathValues, node: unknown, i: number): void {
  const { parts, out } = found;
  if (i === parts.length) {
    if (Array.isArray(node)) {
      found.viaArray = true;
      // An empty array is indexed as `undefined` by MongoDB; null keeps it findable by {$eq: null}.
      if (node.length === 0) out.push(null);
      else out.push(...node);
    } else {
      out.push(node === undefined ? null : node);
    }
    return;
  }
  if (Array.isArray(node)) {
    found.viaArray = true;
    const part = parts[i]!;
    if (/^\d+$/.test(part) && node.length > Number(part)) {
      walkPath(found, node[Number(part)], i + 1);
      return;
    }
    if (node.length === 0) out.push(null);
    for (const element of node) walkPath(found, element, i);
    return;
  }
  if (node === null || typeof node !== 'object' || (node as { _bsontype?: string })._bsontype) {
    out.push(null);
    return;
  }
  walkPath(found, (node as Document)[parts[i]!], i + 1);
}

function dedupe(values: unknown[]): unknown[] {
  if (values.length < 2) return values;
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = valueKey(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function hasPath(doc: Document, path: string): boolean {
  const { values } = valuesAtPath(doc, path);
  return values.some((v) => v !== null);
}

/** Every index key a document produces for the given key paths (cartesian product over arrays). */
export function indexKeysOf(
  doc: Document,
  paths: string[],
): { keys: IndexKey[]; multikey: boolean } {
  let keys: IndexKey[] = [[]];
  let multikey = false;
  for (const path of paths) {
    const { values, viaArray } = valuesAtPath(doc, path);
    multikey ||= viaArray;
    const next: IndexKey[] = [];
    for (const prefix of keys) for (const v of values) next.push([...prefix, v]);
    keys = next;
  }
  return { keys, multikey };
}
