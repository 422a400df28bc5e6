import { withServerSpan } from '@heli/telemetry';
import { inMemoryTracing } from '@heli/telemetry/testing';
import { describe, expect, it } from 'vitest';
import { runWithRequestContext } from '../request-context/request-context.js';
import { createLogger } from './create-logger.js';

function captured(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service: 'responsibility',
    level,
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON lines with the service, a textual level and an ISO time', () => {
    const { logger, lines } = captured();

    logger.info({ divisionId: 'd1' }, 'division created');

    expect(lines[0]).toMatchObject({
      service: 'responsibility',
      level: 'info',
      msg: 'division created',
      divisionId: 'd1',
    });
    expect(new Date(String(lines[0]?.time)).toISOString()).toBe(lines[0]?.time);
    expect(lines[0]).not.toHaveProperty('requestId');
  });

  it('adds the trace id of the span the line is written in, so logs and traces join up', async () => {
    const tracing = inMemoryTracing();
    const { logger, lines } = captured();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    await withServerSpan('POST /graphql', { traceparent }, {}, async () => {
      logger.child({ component: 'resolver' }).info('handled');
    });
    logger.info('outside any request');

    expect(lines[0]).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', msg: 'handled' });
    expect(tracing.spans().map((s) => s.spanContext().traceId)).toContain(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
    expect(lines[1]).not.toHaveProperty('traceId');
  });

  it('adds the current request id, also in child loggers', () => {
    const { logger, lines } = captured();
    const relay = logger.child({ component: 'relay' });

    runWithRequestContext({ requestId: 'req-42' }, () => {
      logger.info('handled');
      relay.warn('retrying');
    });

    expect(lines).toMatchObject([
      { requestId: 'req-42', msg: 'handled' },
      { requestId: 'req-42', component: 'relay', level: 'warn', msg: 'retrying' },
    ]);
  });

  it('drops lines below the level', () => {
    const { logger, lines } = captured('warn');

    logger.info('noise');
    logger.error('failure');

    expect(lines.map((l) => l.msg)).toEqual(['failure']);
  });
});
