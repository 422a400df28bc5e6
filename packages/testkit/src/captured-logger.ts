import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@heli/service-kit';

export interface CapturedLogger {
  /** A real service-kit logger (request ids included) that writes into `lines`. */
  logger: Logger;
  /** Every line written so far, parsed. */
  lines: Array<Record<string, unknown>>;
}

/** For tests that assert on what was logged, e.g. that every line of a request names it. */
export function capturedLogger(service: string, level = 'debug'): CapturedLogger {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: createLogger({ service, level, destination }), lines };
}
