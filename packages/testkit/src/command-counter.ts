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
): Promise<{ result: T; commands: string[]; sent: mongo.Document[] }> {
  const client = conn.getClient();
  const dbName = conn.db!.databaseName;
  const counted: string[] = [];
  const sent: mongo.Document[] = [];
  const listener = (event: mongo.CommandStartedEvent) => {
    const collection: unknown = event.command[event.commandName];
    if (event.databaseName !== dbName || typeof collection !== 'string') return;
    if (collections && !collections.includes(collection)) return;
    counted.push(`${event.commandName} ${collection}`);
    sent.push(event.command);
  };
  client.on('commandStarted', listener);
  try {
    return { result: await run(), commands: counted.sort(), sent };
  } finally {
    client.off('commandStarted', listener);
  }
}

/** A MongoDB URI that makes the driver report every command (for `countingCommands`). */
export function withCommandMonitoring(uri: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`;
}

/**
 * The plan the server picks for each `find` and `aggregate` among `sent` (as `countingCommands`
 * returns them), as `collection: STAGE (index)`: `IXSCAN`, `IDHACK`, or `COLLSCAN` when no
 * index serves the filter.
 */
export async function queryPlans(conn: Connection, sent: readonly mongo.Document[]) {
  const plans: string[] = [];
  for (const command of sent) {
    const name = Object.keys(command)[0]!;
    if (name !== 'find' && name !== 'aggregate') continue;
    // Only the command itself: session, cluster time and the like belong to the first run.
    const { lsid: _lsid, $clusterTime: _time, $db: _db, txnNumber: _txn, ...inner } = command;
    const explained = await conn.db!.command({ explain: inner, verbosity: 'queryPlanner' });
    const plan = explained.queryPlanner?.winningPlan as mongo.Document | undefined;
    const scan = (plan?.inputStage ?? plan) as mongo.Document | undefined;
    const index = scan?.indexName ? ` (${String(scan.indexName)})` : '';
    plans.push(`${String(command[name])}: ${String(scan?.stage ?? 'unknown')}${index}`);
  }
  return plans;
}
