import { pino, type DestinationStream } from 'pino';

/** Log lines are written to standard output once this many bytes have gathered … */
const BATCH_BYTES = 4096;

/** … or at the latest this long after they were logged, so a quiet gateway's lines still show up. */
const FLUSH_EVERY_MS = 500;

/**
 * Standard output for the gateway's pino logs, written in batches instead of one write per line.
 * Every request logs a line, and each write is a system call: profiled under load, those writes
 * took as much of a worker's CPU as executing the query plan.
 *
 * Nothing is dropped: pino flushes the batch synchronously when the process exits (process.exit,
 * an uncaught exception, the end of a graceful shutdown); only a process killed outright (SIGKILL,
 * the OOM killer) loses the lines of its last half second.
 */
export function batchedStdout(): DestinationStream & { flush(): void } {
  const destination = pino.destination({ dest: 1, minLength: BATCH_BYTES, sync: false });
  setInterval(() => destination.flush(), FLUSH_EVERY_MS).unref();
  return destination;
}
