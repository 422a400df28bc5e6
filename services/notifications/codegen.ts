import { resolverTypesConfig } from '@heli/subgraph-runtime/codegen';

/**
 * What each type's field resolvers receive as parent; `src/mapped-types.test.ts` checks the
 * fields left to the default resolver.
 */
export const mappers = {
  Notification: '../notifications/notification.model.js#NotificationRecord',
  SavedQuery: '../saved-queries/saved-query.model.js#SavedQueryRecord',
};

// Annotated so the declaration names the type through the runtime, not through graphql-codegen's
// own packages, which this service does not depend on (TS2742).
const config: ReturnType<typeof resolverTypesConfig> = resolverTypesConfig({
  contextType: 'NotificationsContext',
  mappers,
});

export default config;
