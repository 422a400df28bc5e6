import { randomBytes } from 'node:crypto';

/**
 * The variable holding the current test run's tag, set once per `vitest run` by the run's global
 * setup (packages/testkit/src/test-run-streams.ts). Every namespace of the run starts with it, so
 * that the run can delete the streams it made — and only those — when it ends.
 */
export const TEST_RUN_TAG_VARIABLE = 'HELI_TEST_RUN_TAG';

/**
 * A NATS namespace (subject prefix and stream-name prefix) of its own for one test, e.g.
 * `t1a2b3f9a1c07` (run tag, then random), so concurrent tests and runs on one NATS server never
 * see each other's events.
 */
export function uniqueNamespace(): string {
  return `t${process.env[TEST_RUN_TAG_VARIABLE] ?? ''}${randomBytes(4).toString('hex')}`;
}

/** A database name of its own for one test, e.g. `responsibility_5e0c2a91`. */
export function uniqueDbName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}
