import type { Connection, mongo } from 'mongoose';

/**
 * The commands (`find catalog_entries`, `aggregate score_entries`, …) a connection sends to its
 * own database while `run` runs, sorted; optionally only those on some collections. Background
 * work of the service (the outbox relay's polling, event consumers) runs meanwhile, so name the
 * collections the request reads. The connection must have been opened with
 * `monitorCommands=true` in its URI, or nothing is seen.
 */
export async function countingCommands<T>(
  conn: Connection,
  run: () => Promise<T>,
  { collections }: { collections?: readonly string[] } = {},
): Promise<{ result: T; commands: string[] }> {
  const client = conn.getClient();
  const dbName = conn.db!.databaseName;
  const counted: string[] = [];
  const listener = (event: mongo.CommandStartedEvent) => {
    const collection: unknown = event.command[event.commandName];
    if (event.databaseName !== dbName || typeof collection !== 'string') return;
    if (collections && !collections.includes(collection)) return;
    counted.push(`${event.commandName} ${collection}`);
  };
  client.on('commandStarted', listener);
  try {
    return { result: await run(), commands: counted.sort() };
  } finally {
    client.off('commandStarted', listener);
  }
}

/** A MongoDB URI that makes the driver report every command (for `countingCommands`). */
export function withCommandMonitoring(uri: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`;
}
