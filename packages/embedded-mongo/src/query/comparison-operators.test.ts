import { BSONSymbol, Decimal128, Int32, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { createQuery } from './mingo-options.js';

const matches = (filter: Record<string, unknown>, doc: Record<string, unknown>): boolean =>
  createQuery(filter).test(doc);

describe('patched comparison operators', () => {
  it('given a Long beyond 2^53, when compared with a number, then it orders by value', () => {
    const big = Long.fromString('9007199254740993');
    expect(matches({ n: { $gt: 5 } }, { n: big })).toBe(true);
    expect(matches({ n: { $lt: 5 } }, { n: big })).toBe(false);
    expect(matches({ n: { $gte: Long.fromString('9007199254740992') } }, { n: big })).toBe(true);
  });

  it('given Decimal128 values, when compared with numbers, then they compare numerically', () => {
    expect(matches({ n: { $gt: 7 } }, { n: Decimal128.fromString('7.5') })).toBe(true);
    expect(matches({ n: 2.5 }, { n: Decimal128.fromString('2.50') })).toBe(true);
    expect(matches({ n: { $in: [1, 2] } }, { n: Decimal128.fromString('2') })).toBe(true);
  });

  it('given mixed types, when using $gt, then only the same BSON type bracket matches', () => {
    expect(matches({ v: { $gt: 1 } }, { v: 'zzz' })).toBe(false);
    expect(matches({ v: { $gt: 'a' } }, { v: 'b' })).toBe(true);
    expect(matches({ v: { $lt: new Date(2000, 0, 1) } }, { v: new Date(1990, 0, 1) })).toBe(true);
  });

  it('given an array field, when matching equality or range, then any element may match', () => {
    expect(matches({ tags: 'b' }, { tags: ['a', 'b'] })).toBe(true);
    expect(matches({ xs: { $gt: 5, $lt: 10 } }, { xs: [1, 20] })).toBe(true);
    expect(matches({ xs: { $nin: [3] } }, { xs: [1, 3] })).toBe(false);
  });

  it('given null equality, then missing fields and nulls match', () => {
    expect(matches({ v: null }, {})).toBe(true);
    expect(matches({ v: null }, { v: null })).toBe(true);
    expect(matches({ v: null }, { v: 0 })).toBe(false);
    expect(matches({ v: { $ne: null } }, { v: 0 })).toBe(true);
  });

  it('given ObjectIds, when equal by value but distinct instances, then they match', () => {
    const id = new ObjectId();
    expect(matches({ ref: new ObjectId(id.toHexString()) }, { ref: id })).toBe(true);
    expect(matches({ ref: { $in: [new ObjectId(), id] } }, { ref: id })).toBe(true);
  });

  it('given $type names and numbers, then BSON types are recognised', () => {
    expect(matches({ v: { $type: 'objectId' } }, { v: new ObjectId() })).toBe(true);
    expect(matches({ v: { $type: 'long' } }, { v: Long.fromString('9007199254740993') })).toBe(
      true,
    );
    expect(matches({ v: { $type: 'decimal' } }, { v: Decimal128.fromString('1') })).toBe(true);
    expect(matches({ v: { $type: 'int' } }, { v: 3 })).toBe(true);
    expect(matches({ v: { $type: 'int' } }, { v: new Int32(3) })).toBe(true);
    expect(matches({ v: { $type: 'double' } }, { v: 3.5 })).toBe(true);
    expect(matches({ v: { $type: 'number' } }, { v: Decimal128.fromString('1') })).toBe(true);
    expect(matches({ v: { $type: 7 } }, { v: new ObjectId() })).toBe(true);
    expect(matches({ v: { $type: ['string', 'null'] } }, { v: null })).toBe(true);
    expect(matches({ v: { $type: 'string' } }, {})).toBe(false);
    expect(matches({ v: { $type: 'array' } }, { v: [] })).toBe(true);
  });

  it('given a symbol, when matched, then it is a string of its text for equality, range and regex, and a symbol for $type', () => {
    const doc = { s: new BSONSymbol('abc') };
    expect(matches({ s: 'abc' }, doc)).toBe(true);
    expect(matches({ s: new BSONSymbol('abc') }, { s: 'abc' })).toBe(true);
    expect(matches({ s: { $gt: 'abb', $lt: 'abd' } }, doc)).toBe(true);
    expect(matches({ s: { $regex: '^a', $options: 'i' } }, doc)).toBe(true);
    expect(matches({ s: /^A/i }, { s: [1, new BSONSymbol('abc')] })).toBe(true);
    expect(matches({ s: { $in: [/c$/] } }, doc)).toBe(true);
    expect(matches({ s: { $regex: '^x' } }, doc)).toBe(false);
    expect(matches({ s: { $type: 'symbol' } }, doc)).toBe(true);
    expect(matches({ s: { $type: 14 } }, doc)).toBe(true);
    expect(matches({ s: { $type: 'string' } }, doc)).toBe(false);
    expect(matches({ s: { $type: 'symbol' } }, { s: 'abc' })).toBe(false);
  });

  it('given $regex on strings, then it matches as before, arrays and nested arrays included', () => {
    expect(matches({ s: { $regex: 'b' } }, { s: 'abc' })).toBe(true);
    expect(matches({ s: { $regex: 'b' } }, { s: [['abc']] })).toBe(true);
    expect(matches({ s: { $regex: 'b' } }, { s: 5 })).toBe(false);
    expect(matches({ s: { $regex: 'b' } }, {})).toBe(false);
  });
});
