import { useQuery } from '@apollo/client/react';
import { MenuSavedQueriesDocument, MenuViewerDocument } from '../generated/graphql';
import { pageAccess, type PageAccess } from './page-access';

/**
 * What the viewer may use, from the graph: responsibility's `me` (roles, division) and the saved
 * queries notifications lets them run. Undefined until the person is known; without a staff
 * record (`me` null) nothing guarded shows. A failed count (no notifications subgraph) counts none.
 */
export function useMenuAccess(): PageAccess | undefined {
  const viewer = useQuery(MenuViewerDocument, { fetchPolicy: 'cache-first' });
  const queries = useQuery(MenuSavedQueriesDocument, { fetchPolicy: 'cache-first' });
  if (!viewer.data || (queries.loading && !queries.data)) return undefined;
  const me = viewer.data.me;
  if (!me) return { admin: false, assessment: false, queries: false };
  return pageAccess(
    { roles: me.roles, divisionId: me.division?.id ?? null },
    queries.data?.savedQueries.totalCount ?? 0,
  );
}
