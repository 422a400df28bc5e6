import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { compareBson } from './bson-order.js';

describe('compareBson', () => {
  it('orders values of different types in MongoDB type order', () => {
    const ordered = [
      new MinKey(),
      null,
      1,
      'a',
      { a: 1 },
      [1],
      new Binary(Buffer.from('x')),
      new ObjectId('000000000000000000000001'),
      false,
      new Date(0),
      /re/,
      new MaxKey(),
    ];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort(compareBson)).toEqual(ordered);
  });

  it('compares all numeric types by value', () => {
    expect(compareBson(Long.fromNumber(3), 2.5)).toBe(1);
    expect(compareBson(Decimal128.fromString('2.5'), 2.5)).toBe(0);
    expect(
      compareBson(Long.fromString('9007199254740993'), Long.fromString('9007199254740992')),
    ).toBe(1);
  });

  it('orders ObjectIds by their bytes and dates by time', () => {
    expect(
      compareBson(
        new ObjectId('000000000000000000000002'),
        new ObjectId('000000000000000000000010'),
      ),
    ).toBe(-1);
    expect(compareBson(new Date(2), new Date(1))).toBe(1);
  });
});
