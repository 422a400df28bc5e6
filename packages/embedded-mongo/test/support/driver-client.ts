import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll } from 'vitest';
import { startTargetServer, uniqueDbName, type TargetServer } from './target-server.js';

/**
 * Per test file: one server (embedded, or MONGODB_URI), one driver client and a database of
 * its own, dropped afterwards.
 */
export function useDriverDatabase(prefix: string): {
  db(): Db;
  client(): MongoClient;
  server(): TargetServer;
} {
  let server: TargetServer | undefined;
  let client: MongoClient | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    server = await startTargetServer();
    client = await new MongoClient(server.uri).connect();
    db = client.db(uniqueDbName(prefix));
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
    await server?.stop();
  });
  return {
    db: () => db!,
    client: () => client!,
    server: () => server!,
  };
}
