export {
  apiSchemaOf,
  composeSubgraphs,
  type Composition,
  type Problem,
  type SubgraphInput,
} from './compose.js';
export {
  changeAffects,
  coordinatesUsedBy,
  splitOperations,
  type NamedOperation,
} from './operation-usage.js';
export {
  checkProposal,
  type BrokenOperation,
  type CheckReport,
  type OperationRef,
  type SchemaChange,
} from './schema-check.js';
export {
  publishSubgraph,
  registerOperations,
  rollback,
  type PublishOutcome,
  type SubgraphProposal,
} from './publish.js';
export {
  openSchemaRegistry,
  registryBucketName,
  RegistryConflictError,
  SUPERGRAPH_KEY,
  type RegistryOptions,
  type SchemaRegistry,
  type StoredState,
} from './registry-store.js';
export type { ClientOperations, PublishedSubgraph, RegistryState } from './registry-state.js';
export { registryEnv } from './env.js';
export { hashOf } from './compose.js';
export { checkEveryTeam, type TeamCheck } from './team-check.js';
export {
  readWorkspaceSchemas,
  type ClientSource,
  type WorkspaceSchemas,
} from './workspace-schemas.js';
