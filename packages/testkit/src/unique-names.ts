import { randomBytes } from 'node:crypto';

/**
 * A NATS namespace (subject prefix and stream-name prefix) of its own for one test run, e.g.
 * `t3f9a1c07`, so concurrent runs on one NATS server never see each other's events.
 */
export function uniqueNamespace(): string {
  return `t${randomBytes(4).toString('hex')}`;
}

/** A database name of its own for one test, e.g. `responsibility_5e0c2a91`. */
export function uniqueDbName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}
