/**
 * Query execution counters exposed through `serverStatus.metrics` (the same names mongod
 * uses), so tests and the benchmark can see whether a query used an index.
 */
export class ServerCounters {
  scannedKeys = 0;
  scannedObjects = 0;
  collectionScans = 0;
  indexScans = 0;
  commands = 0;
  /**
   * Commands per command name, database and collection, for the benchmark's "database commands
   * per request"; commands without a collection are not kept here. Nested maps, so counting
   * (every command) builds no key string; `commandsByNamespace` builds them when asked.
   */
  private readonly byCommand = new Map<string, Map<string, Map<string, number>>>();

  countCommand(name: string, db: string, collection: unknown): void {
    this.commands++;
    if (typeof collection !== 'string') return;
    let byDb = this.byCommand.get(name);
    if (!byDb) this.byCommand.set(name, (byDb = new Map()));
    let byCollection = byDb.get(db);
    if (!byCollection) byDb.set(db, (byCollection = new Map()));
    byCollection.set(collection, (byCollection.get(collection) ?? 0) + 1);
  }

  /** `<command> <db>.<collection>` (`find app.divisions`) → commands run. */
  get commandsByNamespace(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [name, byDb] of this.byCommand)
      for (const [db, byCollection] of byDb)
        for (const [collection, n] of byCollection) counts.set(`${name} ${db}.${collection}`, n);
    return counts;
  }
}
