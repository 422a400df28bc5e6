import {
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { wantsCount } from './paginate.js';

/** The `info` a resolver of the operation's first root field gets (what `wantsCount` reads). */
function infoOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('whether a page counts', () => {
  it('counts when the operation selects totalCount, directly or through a fragment', () => {
    expect(wantsCount(infoOf('{ books { totalCount edges { node { id } } } }'))).toBe(true);
    expect(
      wantsCount(
        infoOf('{ books { ...Counted } } fragment Counted on BookConnection { totalCount }'),
      ),
    ).toBe(true);
  });

  it('does not count a page whose operation leaves totalCount out', () => {
    expect(wantsCount(infoOf('{ books { edges { node { id } } pageInfo { hasNextPage } } }'))).toBe(
      false,
    );
  });

  it('follows a choice the caller made itself', () => {
    expect(wantsCount({ countTotal: true })).toBe(true);
    expect(wantsCount({ countTotal: false })).toBe(false);
  });
});
