import type { Document } from 'bson';
import type { Logger } from '../logger.js';
import { AutoCommitView } from './autocommit-view.js';
import type { Engine } from './engine.js';
import { WriteBlockedError } from './write-blocked-error.js';

const EARLIEST_DATE = new Date(-8.64e15);

/**
 * Deletes documents whose TTL-indexed date is older than `expireAfterSeconds`, like mongod's
 * TTL monitor. The index is ordered, so only expired entries are visited. Documents locked by
 * an open transaction are left for the next sweep.
 */
export async function sweepExpired(
  engine: Engine,
  logger: Logger,
  now = Date.now(),
): Promise<number> {
  const view = new AutoCommitView(engine);
  let deleted = 0;
  for (const db of engine.databaseNames()) {
    for (const c of engine.collections(db)) {
      for (const index of c.indexes.values()) {
        const ttl = index.spec.expireAfterSeconds;
        if (ttl === undefined || index.paths.length !== 1) continue;
        const cutoff = new Date(now - ttl * 1000);
        const expired = new Map<string, Document>();
        for (const entry of index.scan(
          { key: [EARLIEST_DATE], inclusive: true },
          { key: [cutoff], inclusive: true },
        )) {
          const doc = c.get(entry.id);
          if (doc) expired.set(entry.id, doc);
        }
        for (const doc of expired.values()) {
          try {
            view.remove(db, c.name, doc);
            deleted++;
          } catch (error) {
            if (!(error instanceof WriteBlockedError)) throw error;
          }
        }
      }
    }
  }
  await view.flush();
  if (deleted > 0) logger.info({ deleted }, 'TTL monitor removed expired documents');
  return deleted;
}
