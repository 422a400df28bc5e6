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
   * Commands per `<command> <db>.<collection>` (`find app.divisions`), for the benchmark's
   * "database commands per request": commands without a collection are not kept here.
   */
  readonly commandsByNamespace = new Map<string, number>();

  countCommand(name: string, db: string, collection: unknown): void {
    this.commands++;
    if (typeof collection !== 'string') return;
    const key = `${name} ${db}.${collection}`;
    this.commandsByNamespace.set(key, (this.commandsByNamespace.get(key) ?? 0) + 1);
  }
}
