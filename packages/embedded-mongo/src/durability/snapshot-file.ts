import { BSON, Long, type Document } from 'bson';
import { decodeDocumentSequence } from './bson-sequence.js';
import { JournalCorruptionError } from './errors.js';
import { encodeFrame, readFrameAt } from './frame-codec.js';
import type { IndexSpec } from './journal-record.js';

export type SnapshotState = {
  databases: Array<{
    name: string;
    collections: Array<{ name: string; options: Document; indexes: IndexSpec[]; docs: Document[] }>;
  }>;
};

/*
 * A snapshot file is a run of frames (the journal's framing, the frame number as sequence).
 * Each frame's payload starts with a descriptor document:
 *   { kind: 'header', format: 1, coveredSeq }      first frame
 *   { kind: 'database', name }
 *   { kind: 'collection', db, name, options, indexes }
 *   { kind: 'documents', db, coll }                followed by up to ~1 MB of the collection's documents
 *   { kind: 'end', frames }                         last frame; a file without it is incomplete
 * Chunking keeps each frame small whatever the collection size.
 */
const FORMAT = 1;
const DOCUMENT_CHUNK_BYTES = 1 << 20;

/**
 * Encodes the whole state up front, synchronously: the snapshot must be exactly the state at
 * the rotation point, and the caller's live objects may change as soon as it regains control.
 */
export function encodeSnapshot(state: SnapshotState, coveredSeq: bigint): Buffer[] {
  const frames: Buffer[] = [];
  const push = (descriptor: Document, documents: Uint8Array[] = []) => {
    const payload = Buffer.concat([BSON.serialize(descriptor), ...documents]);
    frames.push(encodeFrame(BigInt(frames.length), payload));
  };
  push({ kind: 'header', format: FORMAT, coveredSeq: Long.fromBigInt(coveredSeq) });
  for (const database of state.databases) {
    push({ kind: 'database', name: database.name });
    for (const collection of database.collections) {
      const { name, options, indexes } = collection;
      push({ kind: 'collection', db: database.name, name, options, indexes });
      let chunk: Uint8Array[] = [];
      let chunkBytes = 0;
      for (const document of collection.docs) {
        const bytes = BSON.serialize(document);
        chunk.push(bytes);
        chunkBytes += bytes.byteLength;
        if (chunkBytes >= DOCUMENT_CHUNK_BYTES) {
          push({ kind: 'documents', db: database.name, coll: name }, chunk);
          chunk = [];
          chunkBytes = 0;
        }
      }
      if (chunk.length > 0) push({ kind: 'documents', db: database.name, coll: name }, chunk);
    }
  }
  push({ kind: 'end', frames: frames.length + 1 });
  return frames;
}

/** Throws JournalCorruptionError unless the file is a complete, undamaged snapshot. */
export function decodeSnapshot(
  buffer: Buffer,
  fileName: string,
): { state: SnapshotState; coveredSeq: bigint } {
  const damaged = (detail: string) =>
    new JournalCorruptionError(
      `snapshot ${fileName} is damaged: ${detail}. Refusing to start; restore the data directory from a backup.`,
    );
  const state: SnapshotState = { databases: [] };
  let coveredSeq: bigint | null = null;
  let frameNumber = 0n;
  let offset = 0;
  while (offset < buffer.byteLength) {
    const result = readFrameAt(buffer, offset);
    if (result.kind !== 'frame')
      throw damaged(`frame ${frameNumber} at byte ${offset} fails its check`);
    if (result.frame.seq !== frameNumber)
      throw damaged(`frame at byte ${offset} is numbered out of order`);
    const [descriptor, ...documents] = decodeDocumentSequence(result.frame.payload);
    offset = result.frame.end;
    frameNumber += 1n;
    switch (descriptor?.kind) {
      case 'header':
        if (descriptor.format !== FORMAT)
          throw damaged(`unknown snapshot format ${String(descriptor.format)}`);
        coveredSeq = BigInt(String(descriptor.coveredSeq));
        break;
      case 'database':
        state.databases.push({ name: descriptor.name, collections: [] });
        break;
      case 'collection':
        databaseNamed(state, descriptor.db, damaged).collections.push({
          name: descriptor.name,
          options: descriptor.options,
          indexes: descriptor.indexes,
          docs: [],
        });
        break;
      case 'documents':
        appendAll(collectionNamed(state, descriptor.db, descriptor.coll, damaged).docs, documents);
        break;
      case 'end':
        if (coveredSeq === null) throw damaged('it has no header');
        if (BigInt(descriptor.frames) !== frameNumber || offset !== buffer.byteLength) {
          throw damaged('its end marker does not match its contents');
        }
        return { state, coveredSeq };
      default:
        throw damaged(`frame ${frameNumber - 1n} has an unknown kind`);
    }
  }
  throw damaged('it ends before its end marker');
}

function databaseNamed(state: SnapshotState, name: string, damaged: (detail: string) => Error) {
  const database = state.databases.find((candidate) => candidate.name === name);
  if (!database)
    throw damaged(`a collection refers to database ${name}, which precedes no database entry`);
  return database;
}

function collectionNamed(
  state: SnapshotState,
  db: string,
  name: string,
  damaged: (detail: string) => Error,
) {
  const collection = databaseNamed(state, db, damaged).collections.find(
    (candidate) => candidate.name === name,
  );
  if (!collection) throw damaged(`documents refer to collection ${db}.${name}, which has no entry`);
  return collection;
}

function appendAll(target: Document[], documents: Document[]): void {
  for (const document of documents) target.push(document);
}
