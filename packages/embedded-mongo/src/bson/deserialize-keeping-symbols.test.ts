import { BSON, BSONSymbol, Code, Int32, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { deserializeKeepingSymbols } from './deserialize-keeping-symbols.js';

const PROMOTE = { promoteValues: true } as const;
const encode = (doc: BSON.Document): Buffer => Buffer.from(BSON.serialize(doc));

describe('deserializeKeepingSymbols', () => {
  it('given symbols at the top level, in subdocuments and in arrays, when decoded, then each stays a BSONSymbol', () => {
    const doc = {
      s: new BSONSymbol('top'),
      nested: { s: new BSONSymbol('inner'), plain: 'text' },
      list: [1, new BSONSymbol('element'), [{ deep: new BSONSymbol('deepest') }]],
    };

    const decoded = deserializeKeepingSymbols(encode(doc), PROMOTE);

    expect(decoded).toEqual(doc);
    expect(decoded.s).toBeInstanceOf(BSONSymbol);
    expect(decoded.list[1]).toBeInstanceOf(BSONSymbol);
    expect(decoded.list[2][0].deep).toBeInstanceOf(BSONSymbol);
    expect(decoded.nested.plain).toBe('text');
  });

  it('given a symbol, when decoded, then every other value is still promoted', () => {
    const decoded = deserializeKeepingSymbols(
      encode({ s: new BSONSymbol('x'), n: new Int32(5), l: Long.fromNumber(7) }),
      PROMOTE,
    );

    expect(decoded).toEqual({ s: new BSONSymbol('x'), n: 5, l: 7 });
  });

  it('given 0x0e bytes that are not symbol elements, when decoded, then nothing changes', () => {
    const doc = {
      int: 14,
      text: '\u000e inside a string',
      '\u000ename': 'a name with the byte',
      id: new ObjectId('0e0e0e0e0e0e0e0e0e0e0e0e'),
      nested: { list: [14, '\u000e'] },
    };
    const bytes = encode(doc);
    expect(bytes.indexOf(0x0e)).not.toBe(-1);

    expect(deserializeKeepingSymbols(bytes, PROMOTE)).toEqual(BSON.deserialize(bytes));
  });

  it('given a symbol in the scope of code with scope, when decoded, then it stays a BSONSymbol', () => {
    const decoded = deserializeKeepingSymbols(
      encode({ code: new Code('return x', { x: new BSONSymbol('scoped') }) }),
      PROMOTE,
    );

    expect((decoded.code as Code).scope).toEqual({ x: new BSONSymbol('scoped') });
  });

  it('given a symbol in a field named __proto__, when decoded, then the field holds it and the prototype is untouched', () => {
    const decoded = deserializeKeepingSymbols(symbolDocument('__proto__', 'p'), PROMOTE);

    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual(
      new BSONSymbol('p'),
    );
  });
});

/** `{ [name]: Symbol(text) }` encoded by hand: bson's encoder skips a field named __proto__. */
function symbolDocument(name: string, text: string): Buffer {
  const value = Buffer.from(`${text}\0`);
  const element = Buffer.concat([
    Buffer.from([0x0e]),
    Buffer.from(`${name}\0`),
    Buffer.alloc(4),
    value,
  ]);
  element.writeInt32LE(value.length, 1 + name.length + 1);
  const doc = Buffer.concat([Buffer.alloc(4), element, Buffer.from([0])]);
  doc.writeInt32LE(doc.length, 0);
  return doc;
}
