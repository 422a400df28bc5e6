import { envInteger } from '@heli/service-kit';
import { z } from 'zod';

/**
 * Where the registry lives: the NATS JetStream every deployment already runs. Shared by the CLI
 * and the gateway's registry mode (spread into their env schemas).
 */
export const registryEnv = {
  /** One server URL or several, comma-separated (a cluster). */
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  /** The registry bucket is `<HELI_NAMESPACE>_schemas`. */
  HELI_NAMESPACE: z
    .string()
    .regex(
      /^[a-z][a-z0-9]{0,31}$/,
      'expected lower-case letters and digits, starting with a letter',
    )
    .default('heli'),
  /** JetStream replicas of the bucket when it is first created: 3 on a three-node cluster. */
  SCHEMA_REGISTRY_REPLICAS: envInteger(1, 5).default(1),
};

/** The CLI's own variables on top of registryEnv. */
export const cliEnv = {
  ...registryEnv,
  /** The version a publish records when --version is not given (image tag, release). */
  HELI_VERSION: z.string().optional(),
};

/**
 * `SUBGRAPH_URL_<NAME>` for subgraph `name` (`-` written `_`), as `pnpm compose` reads it: where
 * the gateway routes the subgraph in this deployment.
 */
export function subgraphUrlFromEnv(
  name: string,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const value = env[`SUBGRAPH_URL_${name.toUpperCase().replaceAll('-', '_')}`];
  return value === '' ? undefined : value;
}
