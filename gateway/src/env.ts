import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { authEnv, authEnvRule, gatewaySignatureEnv } from '@heli/auth';
import { queryLimitsEnv } from '@heli/query-limits';
// The variables only, not the package index: the cluster primary loads this file and should not
// load composition with it.
import { registryEnv } from '@heli/schema-registry/env';
import { commonEnv, envBoolean, envInteger, envPort } from '@heli/service-kit';
import { z } from 'zod';
import { consoleSiteEnv, consoleSiteRule } from './console-site-env.js';
import { notificationStreamEnv } from './notification-stream-proxy.js';
import { parseSubgraphUrls } from './subgraph-urls.js';

/** Where `pnpm compose` writes the supergraph, and so where the gateway looks by default. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL('../supergraph.graphql', import.meta.url),
);

const subgraphUrls = z.string().transform((raw, ctx) => {
  const parsed = parseSubgraphUrls(raw);
  if (parsed.ok) return parsed.endpoints;
  for (const problem of parsed.problems)
    ctx.issues.push({ code: 'custom', input: raw, message: problem });
  return z.NEVER;
});

type SupergraphSourceVariables = {
  SUPERGRAPH_PATH?: unknown;
  SUBGRAPH_URLS?: unknown;
  SCHEMA_REGISTRY_NATS_URL?: unknown;
  JWT_SECRET?: unknown;
};

// Runs even when other variables are invalid, so these problems are reported with all the others.
const supergraphSourceRule = z.superRefine<SupergraphSourceVariables>(
  (env, ctx) => {
    if (env.SUPERGRAPH_PATH !== undefined && env.SUBGRAPH_URLS !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SUBGRAPH_URLS'],
        message: 'set either SUPERGRAPH_PATH or SUBGRAPH_URLS, not both',
      });
    }
    const sources = ['SUPERGRAPH_PATH', 'SUBGRAPH_URLS', 'SCHEMA_REGISTRY_NATS_URL'] as const;
    if (
      env.SCHEMA_REGISTRY_NATS_URL !== undefined &&
      sources.filter((s) => env[s] !== undefined).length > 1
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['SCHEMA_REGISTRY_NATS_URL'],
        message: 'set one of SUPERGRAPH_PATH, SUBGRAPH_URLS and SCHEMA_REGISTRY_NATS_URL',
      });
    }
    if (env.SUBGRAPH_URLS !== undefined && env.JWT_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message:
          'required with SUBGRAPH_URLS: the gateway signs a service token to fetch the subgraphs’ SDL',
      });
    }
  },
  { when: () => true },
);

/**
 * The gateway's configuration. The supergraph comes from one of two places:
 * - SUPERGRAPH_PATH: a composed supergraph file (production; reloaded when it changes). Default:
 *   the file `pnpm compose` writes.
 * - SCHEMA_REGISTRY_NATS_URL: the schema registry on NATS JetStream (@heli/schema-registry), bucket
 *   `<HELI_NAMESPACE>_schemas`; each supergraph a team publishes there is swapped in without a
 *   restart, and one the gateway cannot run is refused while the last good one keeps serving.
 * - SUBGRAPH_URLS: development only — composes from the running subgraphs by fetching each one's
 *   SDL with a service token signed with JWT_SECRET (subgraphs refuse unauthenticated requests,
 *   introspection included), so JWT_SECRET is required with it.
 */
export const gatewayEnvSchema = z
  .object({
    ...commonEnv,
    ...authEnv,
    PORT: envPort().default(4000),
    SUPERGRAPH_PATH: z.string().optional(),
    SUBGRAPH_URLS: subgraphUrls.optional(),
    SCHEMA_REGISTRY_NATS_URL: z.string().optional(),
    HELI_NAMESPACE: registryEnv.HELI_NAMESPACE,
    SCHEMA_REGISTRY_REPLICAS: registryEnv.SCHEMA_REGISTRY_REPLICAS,
    ...queryLimitsEnv,
    ...gatewaySignatureEnv,
    GATEWAY_WORKERS: envInteger(1, 256).default(availableParallelism()),
    /** Identical query fetches in flight at once go to the subgraph once (inflight-dedup.ts). */
    DEDUPLICATE_SUBGRAPH_QUERIES: envBoolean().default(true),
    ...consoleSiteEnv,
    ...notificationStreamEnv,
  })
  .check(authEnvRule, supergraphSourceRule, consoleSiteRule)
  .transform(({ SUPERGRAPH_PATH, SUBGRAPH_URLS, SCHEMA_REGISTRY_NATS_URL, ...rest }) => ({
    ...rest,
    supergraph:
      SCHEMA_REGISTRY_NATS_URL !== undefined
        ? ({ kind: 'registry', natsUrl: SCHEMA_REGISTRY_NATS_URL } as const)
        : SUBGRAPH_URLS !== undefined
          ? ({ kind: 'subgraphs', subgraphs: SUBGRAPH_URLS } as const)
          : ({ kind: 'file', path: SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH } as const),
  }));

export type GatewayEnv = z.output<typeof gatewayEnvSchema>;

/**
 * The environment, with `--supergraph <file>` on the command line taking the place of
 * SUPERGRAPH_PATH, so `tsx src/index.ts --supergraph ./supergraph.graphql` works as documented.
 */
export function gatewayEnvSource(
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): Record<string, string | undefined> {
  const flagAt = argv.indexOf('--supergraph');
  const fromFlag = flagAt === -1 ? undefined : argv[flagAt + 1];
  return fromFlag === undefined ? env : { ...env, SUPERGRAPH_PATH: fromFlag };
}

/** `SUBGRAPH_URL_<NAME>` prefix: `pnpm compose` routes subgraph `<name>` there instead of its default port. */
const SUBGRAPH_URL_PREFIX = 'SUBGRAPH_URL_';

/**
 * `pnpm compose`'s routing overrides, keyed by the variable's suffix in lower case with `_` for `-`
 * (`SUBGRAPH_URL_RESPONSIBILITY=http://responsibility:4001/graphql`). Every malformed URL is
 * reported at once.
 */
export function subgraphUrlOverrides(
  env: Record<string, string | undefined> = process.env,
): { ok: true; urls: Record<string, string> } | { ok: false; problems: string[] } {
  const urls: Record<string, string> = {};
  const problems: string[] = [];
  for (const [variable, value] of Object.entries(env)) {
    if (!variable.startsWith(SUBGRAPH_URL_PREFIX) || value === undefined || value === '') continue;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
      problems.push(`${variable}: expected an http(s) URL, got '${value}'`);
      continue;
    }
    const name = variable.slice(SUBGRAPH_URL_PREFIX.length).toLowerCase();
    urls[name] = value;
    urls[name.replaceAll('_', '-')] = value;
  }
  return problems.length === 0 ? { ok: true, urls } : { ok: false, problems };
}

/**
 * @apollo/gateway sends usage metrics to Apollo's servers — and probes cloud metadata endpoints to
 * describe the host — unless APOLLO_TELEMETRY_DISABLED is set. Heli sends nothing outside the
 * office network, so this is switched off for the whole process whatever the environment says.
 */
export function disableApolloTelemetry(
  env: Record<string, string | undefined> = process.env,
): void {
  env.APOLLO_TELEMETRY_DISABLED = 'true';
}
