import { GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mergeResolverMaps } from './resolver-map.js';

describe('mergeResolverMaps', () => {
  it('given features resolving different fields of one type, when merged, then all fields are kept', () => {
    const office = () => 'office';
    const division = () => 'division';
    const merged = mergeResolverMaps([{ Query: { office } }, { Query: { division } }]);
    expect(merged).toEqual({ Query: { office, division } });
  });

  it('given two features resolving the same field, when merged, then it fails naming the field', () => {
    expect(() =>
      mergeResolverMaps([{ Query: { office: () => 1 } }, { Query: { office: () => 2 } }]),
    ).toThrow('Query.office is resolved by more than one resolver map');
  });

  it('keeps scalar implementations whole and refuses a scalar defined twice', () => {
    const dateTime = new GraphQLScalarType({ name: 'DateTime' });
    expect(mergeResolverMaps([{ DateTime: dateTime }]).DateTime).toBe(dateTime);
    expect(() => mergeResolverMaps([{ DateTime: dateTime }, { DateTime: dateTime }])).toThrow(
      'Scalar DateTime',
    );
  });

  it('does not modify the maps it is given', () => {
    const first = { Query: { a: () => 1 } };
    mergeResolverMaps([first, { Query: { b: () => 2 } }]);
    expect(Object.keys(first.Query)).toEqual(['a']);
  });
});
