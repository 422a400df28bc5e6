export {
  defineSubgraph,
  type SubgraphDefinition,
  type SubgraphContext,
  type SubgraphRuntime,
  type LoaderScope,
  type EventSubscription,
  type EventHandlers,
  type Outbox,
} from './define-subgraph.js';
export { createContext, type RequestIdentity } from './context.js';
export {
  createSubgraphServer,
  GRAPHQL_PATH,
  type SubgraphServer,
} from './create-subgraph-server.js';
export { runSubgraph } from './run-subgraph.js';
export { subgraphEnv, subgraphEnvSchema, type SubgraphEnv } from './subgraph-env.js';

export { loadSdl, loadSubgraphTypeDefs, readSubgraphSdl } from './schema/load-sdl.js';
export { mergeTypeDefs } from './schema/merge-type-defs.js';
export { buildDefinitionSchema } from './schema/build-definition-schema.js';
export { dateTimeScalar, parseInstant } from './scalars/date-time-scalar.js';
export {
  mergeResolverMaps,
  type GeneratedResolverMap,
  type GraphQLResolverMap,
} from './schema/resolver-map.js';
export { mergeSubgraphModules, type SubgraphModule } from './schema/merge-subgraph-modules.js';

export {
  badInput,
  notFound,
  forbidden,
  conflict,
  unauthenticated,
  isPublicErrorCode,
  PUBLIC_ERROR_CODES,
  type PublicErrorCode,
} from './errors/public-errors.js';
export { rejectProblems } from './errors/reject-problems.js';
export { isBlank, textProblem } from './errors/text-problem.js';
export { unstorableTextProblem } from './input/unstorable-text.js';
export { DomainError } from './errors/domain-error.js';
export { isDuplicateKeyError, toPublicError } from './errors/to-public-error.js';
export { retryOnDuplicateKey } from './errors/retry-on-duplicate-key.js';
export { createErrorFormatter, INTERNAL_ERROR_MESSAGE } from './errors/format-error.js';

export { byIdLoader, type ByIdLoaderOptions, type LeanDocument } from './data/by-id-loader.js';
export { groupedLoader, type GroupedLoaderOptions } from './data/grouped-loader.js';
export {
  paginate,
  wantsCount,
  type CountChoice,
  toConnection,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type PageRequest,
  type Connection,
  type ConnectionPage,
  type Edge,
  type PageInfo,
  type LeanNode,
} from './pagination/paginate.js';
export {
  groupedPageLoader,
  groupedPageLoaders,
  type GroupedPageKey,
  type GroupFields,
} from './pagination/grouped-pages.js';
export { selectsField } from './pagination/selects-field.js';
export { encodeCursor, decodeCursor, type CursorPosition } from './pagination/cursor.js';
