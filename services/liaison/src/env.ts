import { z } from 'zod';
import { authEnvRule } from '@heli/auth';
import { envBoolean, envInteger, loadEnvOrExit } from '@heli/service-kit';
import { subgraphEnv } from '@heli/subgraph-runtime';
import { linksSchema, officeIdSchema } from './links/links.config.js';
import { privateJwkSchema } from './transport/signing-keys.js';

const jsonOf = <S extends z.ZodType>(schema: S, what: string) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `expected ${what} as JSON` });
        return z.NEVER;
      }
    })
    .pipe(schema);

const OFFICE_VARIABLES = [
  'LIAISON_OFFICE_ID',
  'LIAISON_OFFICE_NAME',
  'LIAISON_SIGNING_KEY',
] as const;

/** An office outside the demo must say who it is and sign with its own key. */
const officeConfiguredRule = z.superRefine<{
  DEMO_DATA?: boolean;
  LIAISON_OFFICE_ID?: unknown;
  LIAISON_OFFICE_NAME?: unknown;
  LIAISON_SIGNING_KEY?: unknown;
}>(
  (env, ctx) => {
    if (env.DEMO_DATA === true) return;
    for (const name of OFFICE_VARIABLES) {
      if (env[name] === undefined) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'required (unless DEMO_DATA=true)' });
      }
    }
  },
  { when: () => true },
);

/** Every variable of the runtime (PORT, MONGODB_URI, NATS_URL, JWT_*, …) plus this service's own. */
export const liaisonEnvSchema = z
  .object({
    ...subgraphEnv,
    /** The office this deployment belongs to; its id is the same in every office's links. */
    LIAISON_OFFICE_ID: officeIdSchema.optional(),
    /** 发文机关: the full name printed on the documents it sends, e.g. 中共哈尔滨市委办公厅. */
    LIAISON_OFFICE_NAME: z.string().trim().min(1).max(100).optional(),
    /** The office's Ed25519 private key as a JWK (`pnpm --filter @heli/liaison keygen`). */
    LIAISON_SIGNING_KEY: jsonOf(privateJwkSchema, 'an Ed25519 private JWK').optional(),
    /** The other offices this one exchanges with (see README). */
    LIAISON_LINKS: linksSchema,
    /** How often the relay looks for messages to deliver when nothing woke it. */
    LIAISON_RELAY_INTERVAL_MS: envInteger(50, 60_000).default(1_000),
    /** How long one delivery may take before it counts as failed and is retried. */
    LIAISON_DELIVERY_TIMEOUT_MS: envInteger(100, 60_000).default(5_000),
    /** The secretariat (秘书处) division: its people sign for and send documents. */
    LIAISON_SECRETARIAT_DIVISION_ID: z.string().min(1).optional(),
    /** The longest wait between two attempts to reach an office that is away. */
    LIAISON_RETRY_MAX_MS: envInteger(100, 600_000).default(10_000),
    /** Demo office (市委办公厅) and a throw-away key when the office is not configured. */
    DEMO_DATA: envBoolean().default(false),
  })
  .check(authEnvRule)
  .check(officeConfiguredRule);

export type LiaisonEnv = z.output<typeof liaisonEnvSchema>;

export function loadLiaisonEnv(): LiaisonEnv {
  return loadEnvOrExit(liaisonEnvSchema);
}
