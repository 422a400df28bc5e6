import {
  Binary,
  BSON,
  BSONRegExp,
  Code,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
} from 'bson';
import { describe, expect, it } from 'vitest';
import { withoutTopLevelField } from './without-field.js';

const GOSSIP = {
  clusterTime: Timestamp.fromBits(3, 1_700_000_000),
  signature: { hash: new Binary(Buffer.alloc(20), 0), keyId: Long.ZERO },
};

/** One field of every BSON type the walk has to step over. */
const EVERY_TYPE = {
  double: new Double(1.5),
  string: 'héllo',
  document: { a: { b: 1 } },
  array: [1, 'two', { three: 3 }],
  binary: new Binary(Buffer.from([1, 2, 3]), 4),
  undefinedValue: undefined,
  objectId: new ObjectId('64b7f0c2a1b2c3d4e5f60718'),
  boolean: true,
  date: new Date(1_700_000_000_000),
  nullValue: null,
  regex: new BSONRegExp('^a.*b$', 'i'),
  code: new Code('function () { return 1; }'),
  codeWithScope: new Code('function () { return x; }', { x: 1 }),
  int32: new Int32(7),
  timestamp: Timestamp.fromBits(1, 2),
  int64: Long.fromNumber(2 ** 40),
  decimal: Decimal128.fromString('1.10'),
  minKey: new MinKey(),
  maxKey: new MaxKey(),
};

const decode = (bytes: Buffer) => BSON.deserialize(bytes, { promoteValues: false });
const encode = (doc: BSON.Document) => Buffer.from(BSON.serialize(doc, { ignoreUndefined: false }));

describe('withoutTopLevelField', () => {
  it.each([
    ['first', { $clusterTime: GOSSIP, find: 'c', ...EVERY_TYPE, $db: 'd' }],
    ['in the middle', { find: 'c', ...EVERY_TYPE, $clusterTime: GOSSIP, $db: 'd' }],
    ['last', { find: 'c', ...EVERY_TYPE, $db: 'd', $clusterTime: GOSSIP }],
  ])('leaves out the field when it comes %s, past every type of value', (_where, command) => {
    const { $clusterTime: _left, ...rest } = command;
    const bytes = withoutTopLevelField(encode(command), '$clusterTime');
    expect(bytes.readInt32LE(0)).toBe(bytes.length);
    expect(decode(bytes)).toEqual(decode(encode(rest)));
  });

  it('returns the same bytes when the field is absent, or only nested', () => {
    const bytes = encode({ find: 'c', filter: { $clusterTime: 1 }, $db: 'd' });
    expect(withoutTopLevelField(bytes, '$clusterTime')).toBe(bytes);
  });

  it('does not take a field whose name only starts the same', () => {
    const bytes = encode({ $clusterTimeX: 1, ok: 1 });
    expect(withoutTopLevelField(bytes, '$clusterTime')).toBe(bytes);
  });

  it('returns malformed bytes untouched for the decoder to refuse', () => {
    const bytes = encode({ a: 'text', $clusterTime: GOSSIP });
    bytes.writeInt32LE(-20, 4 + 1 + 2); // the string's length
    expect(withoutTopLevelField(bytes, '$clusterTime')).toBe(bytes);
    const unknownType = encode({ a: 1, $clusterTime: GOSSIP });
    unknownType[4] = 0x42;
    expect(withoutTopLevelField(unknownType, '$clusterTime')).toBe(unknownType);
  });
});
