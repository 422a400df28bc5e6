import { BSON, type Document } from 'bson';
import { deserializeKeepingSymbols } from '../bson/deserialize-keeping-symbols.js';

/*
 * A payload is a run of BSON documents back to back rather than one wrapping document: a
 * record (or a snapshot chunk) may then hold more than the 16 MB one BSON document may, and
 * each document is still limited only by MongoDB's own per-document limit.
 */

// Longs come back as Long (not number) so a value the server held as Long is restored as
// Long; everything else is promoted as the wire codec does, symbols kept as symbols.
const DESERIALIZE_OPTIONS = { promoteLongs: false } as const;

export function encodeDocumentSequence(documents: readonly Document[]): Buffer {
  return Buffer.concat(documents.map((document) => BSON.serialize(document)));
}

export function decodeDocumentSequence(payload: Buffer): Document[] {
  const documents: Document[] = [];
  let offset = 0;
  while (offset < payload.byteLength) {
    if (payload.byteLength - offset < 5)
      throw new Error(`truncated BSON document at payload offset ${offset}`);
    const size = payload.readInt32LE(offset);
    if (size < 5 || offset + size > payload.byteLength) {
      throw new Error(
        `BSON document at payload offset ${offset} declares ${size} bytes, beyond the payload`,
      );
    }
    documents.push(
      deserializeKeepingSymbols(payload.subarray(offset, offset + size), DESERIALIZE_OPTIONS),
    );
    offset += size;
  }
  return documents;
}
