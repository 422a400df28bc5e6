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
