import { telemetryEnv } from '@heli/telemetry';
import { z } from 'zod';
import { envPort } from './env-fields.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Variables every deployable reads; spread into its own schema:
 * `z.object({ ...commonEnv, MONGODB_URI: z.string() })`.
 *
 * HOST defaults to 127.0.0.1 so a developer machine exposes nothing; containers set HOST=0.0.0.0.
 */
export const commonEnv = {
  HOST: z.string().default('127.0.0.1'),
  PORT: envPort(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  // Traces: OTEL_TRACES_EXPORTER (none · console · file · otlp), HELI_TRACES_FILE, OTEL_EXPORTER_OTLP_ENDPOINT.
  ...telemetryEnv,
};
