export { EnvError, type EnvProblem } from './env/env-error.js';
export { loadEnv, loadEnvOrExit } from './env/load-env.js';
export { envBoolean, envInteger, envPort, envUrl } from './env/env-fields.js';
export { commonEnv, LOG_LEVELS } from './env/common-env.js';
export { createLogger, type Logger, type LoggerOptions } from './logging/create-logger.js';
export {
  REQUEST_ID_HEADER,
  requestContext,
  runWithRequestContext,
  currentRequestId,
  newRequestId,
  requestIdFrom,
  type RequestContext,
} from './request-context/request-context.js';
export {
  createHttpServer,
  type HttpServerOptions,
  type RequestScope,
  type RouteHandler,
} from './http/create-http-server.js';
export {
  runReadinessChecks,
  type ReadinessCheck,
  type ReadinessCheckResult,
  type ReadinessReport,
} from './http/readiness.js';
export { readBody, BodyTooLargeError } from './http/read-body.js';
export { sendJson } from './http/send-json.js';
export { closeHttpServer, type CloseHttpServerOptions } from './http/close-http-server.js';
export {
  graphqlHandler,
  type GraphqlHandlerOptions,
  type ResponseLimits,
} from './http/apollo-handler.js';
export {
  installGracefulShutdown,
  type GracefulShutdown,
  type GracefulShutdownOptions,
  type ShutdownStep,
} from './shutdown/graceful-shutdown.js';
