import { currentTraceId } from '@heli/telemetry';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { currentRequestId } from '../request-context/request-context.js';

export type Logger = PinoLogger;

export interface LoggerOptions {
  /** Name of the deployable; every line carries it as `service`. */
  service: string;
  level?: string;
  /** Where lines go; standard output by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
}

/**
 * JSON logs, one object per line, with `service`, an ISO `time`, a textual `level` and — whenever
 * the line is written on behalf of a request — that request's `requestId` (and `traceId` when
 * tracing is on). Child loggers
 * (`logger.child({ component: 'relay' })`) inherit all of this.
 */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin() {
      const requestId = currentRequestId();
      const traceId = currentTraceId();
      if (traceId === undefined) return requestId === undefined ? {} : { requestId };
      return requestId === undefined ? { traceId } : { requestId, traceId };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
