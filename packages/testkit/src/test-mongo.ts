import { start } from '@heli/embedded-mongo';
import { testProcessEnv } from './process-environment.js';

export interface TestMongo {
  /** A connection string; give every test its own database name (`uniqueDbName`) on it. */
  uri: string;
  stop(): Promise<void>;
}

/**
 * A MongoDB for one test file: an in-memory embedded server on a free port, or — when
 * MONGODB_URI is set — that server, which is then left running on `stop()`.
 */
export async function startTestMongo(): Promise<TestMongo> {
  const { MONGODB_URI } = testProcessEnv();
  if (MONGODB_URI !== undefined) return { uri: MONGODB_URI, stop: async () => {} };
  const server = await start({ port: 0 });
  return { uri: server.uri, stop: () => server.stop() };
}
