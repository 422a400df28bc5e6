import { describe, expect, it } from 'vitest';
import { catalogFilterConditions, catalogFilterProblem } from './catalog-filter.rules.js';

describe('catalogue filter', () => {
  it('given no filter, then nothing narrows the list', () => {
    expect(catalogFilterConditions(undefined)).toEqual([]);
    expect(catalogFilterConditions({ linkKind: null, sourceDivisionId: null })).toEqual([]);
  });

  it('given every field, then each is one condition and the dates make one half-open range', () => {
    const from = new Date('2026-05-01T00:00:00+08:00');
    const before = new Date('2026-06-01T00:00:00+08:00');
    expect(
      catalogFilterConditions({
        linkKind: 'ACHIEVEMENT',
        sourceDivisionId: 'division-research',
        classification: 'INTERNAL',
        publishedFrom: from,
        publishedBefore: before,
      }),
    ).toEqual([
      { 'link.kind': 'ACHIEVEMENT' },
      { sourceDivisionId: 'division-research' },
      { classification: 'INTERNAL' },
      { publishedAt: { $gte: from, $lt: before } },
    ]);
  });

  it('given a range that ends before it starts, then it is refused', () => {
    const day = new Date('2026-05-01T00:00:00Z');
    expect(catalogFilterProblem({ publishedFrom: day, publishedBefore: day })).toBe(
      '发布时间的起点须早于终点',
    );
    expect(catalogFilterProblem({ publishedFrom: day })).toBeNull();
  });
});
