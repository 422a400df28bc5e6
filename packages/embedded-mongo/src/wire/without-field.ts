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
    const size = valueSize(doc, type, valueStart);
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

/** The byte length of a value of BSON `type` starting at `at`; undefined for an unknown type. */
function valueSize(doc: Buffer, type: number, at: number): number | undefined {
  switch (type) {
    case 0x01: // double
    case 0x09: // UTC datetime
    case 0x11: // timestamp
    case 0x12: // int64
      return 8;
    case 0x02: // string
    case 0x0d: // JavaScript code
    case 0x0e: // symbol
      return at + 4 <= doc.length ? 4 + doc.readInt32LE(at) : undefined;
    case 0x03: // document
    case 0x04: // array
    case 0x0f: // code with scope
      return at + 4 <= doc.length ? doc.readInt32LE(at) : undefined;
    case 0x05: // binary: length, subtype, bytes
      return at + 4 <= doc.length ? 5 + doc.readInt32LE(at) : undefined;
    case 0x06: // undefined
    case 0x0a: // null
    case 0x7f: // max key
    case 0xff: // min key
      return 0;
    case 0x07: // ObjectId
      return 12;
    case 0x08: // boolean
      return 1;
    case 0x10: // int32
      return 4;
    case 0x13: // decimal128
      return 16;
    case 0x0b: {
      // regular expression: pattern and options, two C strings
      const patternEnd = doc.indexOf(0, at);
      const optionsEnd = patternEnd < 0 ? -1 : doc.indexOf(0, patternEnd + 1);
      return optionsEnd < 0 ? undefined : optionsEnd + 1 - at;
    }
    case 0x0c: // DBPointer: string then ObjectId
      return at + 4 <= doc.length ? 4 + doc.readInt32LE(at) + 12 : undefined;
    default:
      return undefined;
  }
}
