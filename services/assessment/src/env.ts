import { z } from 'zod';
import { authEnvRule } from '@heli/auth';
import { envBoolean, loadEnvOrExit } from '@heli/service-kit';
import { subgraphEnv } from '@heli/subgraph-runtime';

/** Every variable of the runtime (PORT, MONGODB_URI, NATS_URL, JWT_*, …) plus this service's own. */
export const assessmentEnvSchema = z
  .object({
    ...subgraphEnv,
    /** Score a year of demo history on start if it is not there yet. */
    DEMO_DATA: envBoolean().default(false),
  })
  .check(authEnvRule);

export type AssessmentEnv = z.output<typeof assessmentEnvSchema>;

export function loadAssessmentEnv(): AssessmentEnv {
  return loadEnvOrExit(assessmentEnvSchema);
}
