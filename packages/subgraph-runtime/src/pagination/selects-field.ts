import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the operation asks for `name` directly under the field being resolved, through
 * fragments too. Conservative on purpose: a field behind `@skip`/`@include` or a type condition
 * counts as asked, so the answer is never missing something the client wanted — at worst a
 * count is computed that a directive then drops.
 */
export function selectsField(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  name: string,
): boolean {
  const seen = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case 'Field':
          return selection.name.value === name;
        case 'InlineFragment':
          return inSet(selection.selectionSet);
        case 'FragmentSpread': {
          const fragmentName = selection.name.value;
          if (seen.has(fragmentName)) return false;
          seen.add(fragmentName);
          return inSet(info.fragments[fragmentName]?.selectionSet);
        }
      }
    });
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}
