import type { Document } from 'bson';
import { decodeDocumentSequence, encodeDocumentSequence } from './bson-sequence.js';

export type IndexSpec = {
  name: string;
  key: Record<string, 1 | -1>;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
};

export type JournalOp =
  /** Insert or full replace by _id; `doc` is the post-image. */
  | { op: 'put'; db: string; coll: string; doc: Document }
  | { op: 'del'; db: string; coll: string; id: unknown }
  | { op: 'createCollection'; db: string; coll: string; options: Document }
  | { op: 'dropCollection'; db: string; coll: string }
  | { op: 'dropDatabase'; db: string }
  | { op: 'createIndex'; db: string; coll: string; spec: IndexSpec }
  | { op: 'dropIndex'; db: string; coll: string; name: string };

/** One atomic unit: one write command's effects, or one committed transaction. */
export type JournalRecord = { ops: JournalOp[] };

const OP_NAMES: ReadonlySet<string> = new Set<JournalOp['op']>([
  'put',
  'del',
  'createCollection',
  'dropCollection',
  'dropDatabase',
  'createIndex',
  'dropIndex',
]);

export function encodeJournalRecord(record: JournalRecord): Buffer {
  return encodeDocumentSequence(record.ops);
}

/** Throws if the payload is not a journal record; the frame's CRC already passed, so that is a bug or a foreign file. */
export function decodeJournalRecord(payload: Buffer): JournalRecord {
  const ops = decodeDocumentSequence(payload);
  for (const op of ops) {
    if (typeof op.op !== 'string' || !OP_NAMES.has(op.op)) {
      throw new Error(`unknown journal operation ${JSON.stringify(op.op)}`);
    }
  }
  return { ops: ops as JournalOp[] };
}
