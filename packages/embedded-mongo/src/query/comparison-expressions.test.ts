import { BSONSymbol, Decimal128, Long, MinKey } from 'bson';
import { describe, expect, it } from 'vitest';
import { createAggregator, createQuery } from './mingo-options.js';

const evaluate = (expr: unknown, doc: Record<string, unknown> = {}): unknown =>
  (createAggregator([{ $project: { _id: 0, r: expr } }]).run([doc])[0] as { r: unknown }).r;

describe('aggregation comparison expressions', () => {
  it('given a symbol and the string with its text, then they are equal, as mongod compares them', () => {
    const doc = { s: new BSONSymbol('abc') };
    expect(evaluate({ $eq: ['$s', 'abc'] }, doc)).toBe(true);
    expect(evaluate({ $ne: ['$s', 'abc'] }, doc)).toBe(false);
    expect(evaluate({ $gt: ['$s', 'abb'] }, doc)).toBe(true);
    expect(evaluate({ $cmp: ['$s', 'abd'] }, doc)).toBe(-1);
    expect(createQuery({ $expr: { $eq: ['$s', 'abc'] } }).test(doc)).toBe(true);
  });

  it('given whole values, then arrays are not matched element-wise and types order as BSON', () => {
    expect(evaluate({ $eq: ['$a', 1] }, { a: [1, 2] })).toBe(false);
    expect(evaluate({ $eq: ['$a', [1, 2]] }, { a: [1, 2] })).toBe(true);
    expect(evaluate({ $gt: ['$a', 5] }, { a: 'text' })).toBe(true);
    expect(evaluate({ $lt: ['$a', 5] }, { a: null })).toBe(true);
    expect(evaluate({ $eq: ['$a', 5] }, { a: Long.fromNumber(5) })).toBe(true);
    expect(evaluate({ $eq: ['$a', 2.5] }, { a: Decimal128.fromString('2.50') })).toBe(true);
  });

  it('given a missing field, then it equals only another missing value and sorts below null, above MinKey', () => {
    expect(evaluate({ $eq: ['$missing', null] })).toBe(false);
    expect(evaluate({ $lt: ['$missing', null] })).toBe(true);
    expect(evaluate({ $eq: ['$missing', '$alsoMissing'] })).toBe(true);
    expect(evaluate({ $gt: ['$missing', new MinKey()] })).toBe(true);
  });

  it('given other than two arguments, then it is refused with mongod code 16020', () => {
    expect(() => evaluate({ $eq: [1] })).toThrow(/takes exactly 2 arguments/);
  });
});
