import { bsonValueSize } from '../bson/value-size.js';

/**
 * A BSON document's bytes without one top-level field, found by walking the element headers
 * and never decoding a value; the document itself when the field is absent or the walk meets
 * something it cannot size (the decoder then sees the original bytes and reports any error).
 *
 * Used to leave out the `$clusterTime` that drivers gossip back in every command: this server
 * never reads it, and decoding it (a Binary, a Long and a Timestamp in nested documents) cost
 * more than the rest of a small command together.
 */
export function withoutTopLevelField(doc: Buffer, name: string): Buffer {
  const end = doc.length - 1;
  let at = 4;
  while (at < end) {
    const elementStart = at;
    const type = doc[at]!;
    const nameEnd = doc.indexOf(0, at + 1);
    if (nameEnd < 0 || nameEnd >= end) return doc;
    const valueStart = nameEnd + 1;
    const size = bsonValueSize(doc, type, valueStart);
    if (size === undefined || size < 0 || valueStart + size > end) return doc;
    at = valueStart + size;
    if (
      nameEnd - elementStart - 1 === name.length &&
      doc.toString('latin1', elementStart + 1, nameEnd) === name
    ) {
      const out = Buffer.allocUnsafe(doc.length - (at - elementStart));
      doc.copy(out, 0, 0, elementStart);
      doc.copy(out, elementStart, at);
      out.writeInt32LE(out.length, 0);
      return out;
    }
  }
  return doc;
}
