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
}
