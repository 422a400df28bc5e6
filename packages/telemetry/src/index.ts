export {
  currentTraceId,
  currentTraceparent,
  injectTraceContext,
  withEventSpan,
  withServerSpan,
  withSpan,
} from './tracing.js';
export { installTracing, JsonLinesFileExporter, startTracing, type Tracing } from './sdk.js';
export { telemetryEnv, type TracingConfig } from './telemetry-env.js';
export {
  addGaugeSource,
  graphqlErrorMetricsPlugin,
  graphqlErrors,
  httpRequestDuration,
  metricsRegistry,
  metricsText,
  type GaugeSample,
} from './metrics.js';
