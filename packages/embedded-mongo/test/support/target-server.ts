import { randomBytes } from 'node:crypto';
import { start } from '../../src/index.js';
import { testEnv } from './env.js';

/**
 * The server a conformance test runs against: the embedded server by default, or a real
 * MongoDB replica set when MONGODB_URI is set, so any behavioural difference shows up.
 */
export type TargetServer = { uri: string; stop(): Promise<void> };

export async function startTargetServer(): Promise<TargetServer> {
  const external = testEnv.MONGODB_URI;
  if (external) return { uri: external, stop: async () => undefined };
  const server = await start({ port: 0 });
  return { uri: server.uri, stop: () => server.stop() };
}

/** A database name no other test run uses. */
export function uniqueDbName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}
