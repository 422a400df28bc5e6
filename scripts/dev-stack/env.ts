import { z } from 'zod';
import { loadEnvOrExit } from '@heli/service-kit';

/** Configuration of `pnpm start`. Every variable is optional: the defaults run the whole system on one machine. */
export const devStackEnvSchema = z.object({
  HELI_DATA_DIR: z
    .string()
    .default('.data')
    .describe('where the embedded MongoDB and NATS keep their data'),
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  EMBEDDED_MONGO_PORT: z.coerce.number().int().min(1).max(65535).default(27018),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// or mongodb+srv:// URI')
    .optional()
    .describe('use this MongoDB instead of starting the embedded server'),
  NATS_URL: z
    .string()
    .regex(/^nats:\/\/[^:/]+:\d+$/, 'expected nats://host:port')
    .default('nats://127.0.0.1:4222'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  TERMINAL_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace'])
    .default('warn')
    .describe("the parts' log entries shown in the terminal; all of them are in .data/logs"),
  GATEWAY_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe('gateway worker processes; one is plenty for one person and starts soonest'),
});

export type DevStackEnv = z.infer<typeof devStackEnvSchema>;

export const loadDevStackEnv = (): DevStackEnv => loadEnvOrExit(devStackEnvSchema);
