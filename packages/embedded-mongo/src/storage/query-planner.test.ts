import { describe, expect, it } from 'vitest';
import { orderedPlan, planQuery } from './query-planner.js';
import { SecondaryIndex } from './secondary-index.js';

const index = (
  key: Record<string, 1 | -1>,
  extra: Partial<ConstructorParameters<typeof SecondaryIndex>[0]> = {},
) => new SecondaryIndex({ name: Object.keys(key).join('_'), key, ...extra });

describe('planQuery', () => {
  const byDivision = index({ division: 1, due: 1 });
  const byEmail = index({ email: 1 }, { unique: true });

  it('given _id equality, then it looks the id up directly', () => {
    expect(planQuery({ _id: 5 }, [byDivision])).toEqual({ kind: 'idLookup', ids: ['n5'] });
  });

  it('given equality on an index prefix, then it scans that index', () => {
    const plan = planQuery({ division: 'd1', other: 1 }, [byEmail, byDivision]);
    expect(plan.kind).toBe('indexScan');
    expect(plan.kind === 'indexScan' && plan.index).toBe(byDivision);
  });

  it('given equality plus a range on the next key, then the range narrows the bounds', () => {
    const plan = planQuery({ division: 'd1', due: { $gte: 3, $lt: 9 } }, [byDivision]);
    expect(plan).toMatchObject({
      kind: 'indexScan',
      ranges: [
        { lower: { key: ['d1', 3], inclusive: true }, upper: { key: ['d1', 9], inclusive: false } },
      ],
    });
  });

  it('given $in, then each value becomes a point range', () => {
    const plan = planQuery({ email: { $in: ['a', 'b'] } }, [byEmail]);
    expect(plan.kind === 'indexScan' && plan.ranges.map((r) => r.lower?.key)).toEqual([
      ['a'],
      ['b'],
    ]);
  });

  it('given a predicate on a non-leading key only, then it scans the collection', () => {
    expect(planQuery({ due: 5 }, [byDivision]).kind).toBe('collectionScan');
    expect(planQuery({ $or: [{ division: 'd1' }] }, [byDivision]).kind).toBe('collectionScan');
  });

  it('given hint $natural, then it scans even if an index applies', () => {
    expect(planQuery({ email: 'a' }, [byEmail], { $natural: 1 }).kind).toBe('collectionScan');
  });

  it('given a hint naming an index, then only that index is considered', () => {
    const plan = planQuery({ email: 'a', division: 'd' }, [byEmail, byDivision], 'division_due');
    expect(plan.kind === 'indexScan' && plan.index).toBe(byDivision);
  });

  it('given a multikey index and a two-sided range, then only one bound is used', () => {
    const tags = index({ v: 1 });
    tags.add('x', { v: [1, 20] });
    const plan = planQuery({ v: { $gt: 5, $lt: 10 } }, [tags]);
    expect(plan).toMatchObject({
      kind: 'indexScan',
      ranges: [{ lower: { key: [5] }, upper: undefined }],
    });
  });

  it('given a sparse or partial index, then it is not used for reads', () => {
    expect(planQuery({ a: 1 }, [index({ a: 1 }, { sparse: true })]).kind).toBe('collectionScan');
    expect(
      planQuery({ a: 1 }, [index({ a: 1 }, { partialFilterExpression: { a: { $gt: 0 } } })]).kind,
    ).toBe('collectionScan');
  });

  it('given a sort continuing the equality prefix, then the index walk provides the order', () => {
    const plan = orderedPlan(planQuery({ division: 'd1' }, [byDivision]), [byDivision], {
      due: -1,
    });
    expect(plan).toMatchObject({
      kind: 'indexScan',
      index: byDivision,
      reverse: true,
      providesSort: true,
    });
  });

  it('given no usable predicate, then an index leading with the sort keys is walked', () => {
    const plan = orderedPlan(planQuery({ x: 1 }, [byEmail]), [byEmail], { email: 1 });
    expect(plan).toMatchObject({
      kind: 'indexScan',
      index: byEmail,
      reverse: false,
      providesSort: true,
    });
  });

  it('given mixed directions or a multikey index, then the sort is left to memory', () => {
    expect(
      orderedPlan(planQuery({}, [byDivision]), [byDivision], { division: 1, due: -1 }).kind,
    ).toBe('collectionScan');
    const tags = index({ tags: 1 });
    tags.add('x', { tags: ['a', 'b'] });
    expect(orderedPlan(planQuery({}, [tags]), [tags], { tags: 1 }).kind).toBe('collectionScan');
  });

  it('given a hint naming no existing index, then BadValue', () => {
    expect(() => planQuery({ a: 1 }, [byEmail], 'missing_1')).toThrow(
      expect.objectContaining({ code: 2 }) as never,
    );
  });
});
