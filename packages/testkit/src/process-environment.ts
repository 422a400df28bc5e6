import { z } from 'zod';

/**
 * The only variables the test harness reads. Set MONGODB_URI to run the tests against a real
 * MongoDB (a replica set, for transactions) instead of an embedded server per test file;
 * NATS_URL to use another NATS than the local default.
 */
const testProcessEnvSchema = z.object({
  MONGODB_URI: z.string().min(1).optional(),
  NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
});

export type TestProcessEnv = z.output<typeof testProcessEnvSchema>;

export function testProcessEnv(): TestProcessEnv {
  const present = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''),
  );
  return testProcessEnvSchema.parse(present);
}
