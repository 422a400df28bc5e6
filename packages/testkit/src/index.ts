export { startTestMongo, type TestMongo } from './test-mongo.js';
export { processCpuMs, startMongoProcess } from './mongo-process.js';
export { uniqueNamespace, uniqueDbName } from './unique-names.js';
export { freePort } from './free-port.js';
export { tokenFor, TEST_VIEWER } from './tokens.js';
export {
  graphql,
  type GraphqlRequestOptions,
  type GraphqlResponse,
  type GraphqlBody,
} from './graphql-client.js';
export { waitFor, type WaitForOptions } from './wait-for.js';
export { capturedLogger, type CapturedLogger } from './captured-logger.js';
export * from './nats-server.js';
export { outboxEvents } from './outbox-events.js';
export { countingCommands, queryPlans, withCommandMonitoring } from './command-counter.js';
export { testProcessEnv } from './process-environment.js';
