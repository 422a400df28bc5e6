import type { Connection } from 'mongoose';

/**
 * Lets an outbox wake the relays running in the same process on the same database right after a
 * commit, so events go out at once instead of at the next poll. Relays in other replicas still
 * find the records by polling.
 */
const wakers = new WeakMap<Connection, Set<() => void>>();

export function onOutboxCommit(conn: Connection, wake: () => void): () => void {
  const set = wakers.get(conn) ?? new Set();
  set.add(wake);
  wakers.set(conn, set);
  return () => set.delete(wake);
}

export function announceOutboxCommit(conn: Connection): void {
  for (const wake of wakers.get(conn) ?? []) wake();
}
