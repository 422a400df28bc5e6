import { Binary, BSONSymbol, Decimal128, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { createAggregator } from './mingo-options.js';

const typeOf = (value: unknown): unknown =>
  (
    createAggregator([{ $project: { _id: 0, t: { $type: '$v' } } }]).run([{ v: value }])[0] as {
      t: unknown;
    }
  ).t;

describe('the $type expression', () => {
  it('given BSON values, then it names their BSON type as mongod does', () => {
    expect(typeOf(new BSONSymbol('s'))).toBe('symbol');
    expect(typeOf('s')).toBe('string');
    expect(typeOf(new ObjectId())).toBe('objectId');
    expect(typeOf(new Binary(Buffer.from([1])))).toBe('binData');
    expect(typeOf(Decimal128.fromString('1.5'))).toBe('decimal');
    expect(typeOf(Long.fromString('9007199254740993'))).toBe('long');
    expect(typeOf(5)).toBe('int');
    expect(typeOf(5.5)).toBe('double');
    expect(typeOf(true)).toBe('bool');
    expect(typeOf(null)).toBe('null');
    expect(typeOf({ a: 1 })).toBe('object');
    expect(typeOf([1])).toBe('array');
    expect(typeOf(new Date())).toBe('date');
    expect(typeOf(/x/)).toBe('regex');
    expect(typeOf(undefined)).toBe('missing');
  });
});
