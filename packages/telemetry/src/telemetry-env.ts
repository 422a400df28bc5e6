import { z } from 'zod';

// Apart from the SDK (sdk.ts): every deployable's env schema spreads these, and parsing the
// environment — all a gateway's cluster primary does with telemetry — should not load the SDK.

/**
 * Tracing configuration, spread into every deployable's env schema (via service-kit's commonEnv).
 * The variable names are OpenTelemetry's own where one exists.
 */
export const telemetryEnv = {
  /** none (default) · console · file (HELI_TRACES_FILE, JSON lines) · otlp (OTEL_EXPORTER_OTLP_ENDPOINT). */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'console', 'file', 'otlp']).default('none'),
  HELI_TRACES_FILE: z.string().optional(),
  /** Collector base URL for `otlp`, e.g. http://otel-collector:4318. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
};

export interface TracingConfig {
  OTEL_TRACES_EXPORTER: 'none' | 'console' | 'file' | 'otlp';
  HELI_TRACES_FILE?: string | undefined;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
}
