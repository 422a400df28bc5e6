export {
  currentTraceId,
  currentTraceparent,
  injectTraceContext,
  withEventSpan,
  withServerSpan,
  withSpan,
} from './tracing.js';
export {
  installTracing,
  JsonLinesFileExporter,
  startTracing,
  telemetryEnv,
  type Tracing,
  type TracingConfig,
} from './sdk.js';
export {
  addGaugeSource,
  graphqlErrorMetricsPlugin,
  graphqlErrors,
  httpRequestDuration,
  metricsRegistry,
  metricsText,
  type GaugeSample,
} from './metrics.js';
