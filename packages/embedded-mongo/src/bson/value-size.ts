/**
 * The byte length of the value of a BSON element of `type` whose value starts at `at` in `doc`,
 * read from its own length prefix or fixed size without decoding it; undefined for an unknown
 * type or a length prefix past the buffer's end.
 */
export function bsonValueSize(doc: Buffer, type: number, at: number): number | undefined {
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
