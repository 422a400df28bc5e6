import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger.js';
import { installGracefulShutdown, type GracefulShutdown } from './graceful-shutdown.js';

const installed: GracefulShutdown[] = [];
afterEach(() => installed.splice(0).forEach((s) => s.uninstall()));

function setUp(steps: { name: string; run(): Promise<void> }[], timeoutMs = 5000) {
  const lines: Record<string, unknown>[] = [];
  const exits: number[] = [];
  const logger = createLogger({
    service: 'test',
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  });
  const shutdown = installGracefulShutdown({
    logger,
    timeoutMs,
    steps,
    exit: (code) => exits.push(code),
  });
  installed.push(shutdown);
  return { shutdown, exits, lines };
}

describe('installGracefulShutdown', () => {
  it('on SIGTERM runs the steps in order, logs each and exits 0', async () => {
    const order: string[] = [];
    const step = (name: string) => ({
      name,
      run: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(name);
      },
    });
    const { shutdown, exits, lines } = setUp([step('http'), step('nats'), step('mongodb')]);

    process.emit('SIGTERM', 'SIGTERM');
    await shutdown.shutdown('test waits for the run');

    expect(order).toEqual(['http', 'nats', 'mongodb']);
    expect(exits).toEqual([0]);
    expect(lines.filter((l) => l.msg === 'shutdown step finished').map((l) => l.step)).toEqual([
      'http',
      'nats',
      'mongodb',
    ]);
  });

  it('runs once when the signal arrives twice', async () => {
    let runs = 0;
    const { shutdown, exits } = setUp([{ name: 'http', run: async () => void runs++ }]);

    const first = shutdown.shutdown('SIGTERM');
    const second = shutdown.shutdown('SIGINT');
    await Promise.all([first, second]);

    expect(second).toBe(first);
    expect(runs).toBe(1);
    expect(exits).toEqual([0]);
  });

  it('still runs the later steps when one fails, and exits 1', async () => {
    const ran: string[] = [];
    const { shutdown, exits, lines } = setUp([
      { name: 'nats', run: () => Promise.reject(new Error('drain failed')) },
      { name: 'mongodb', run: async () => void ran.push('mongodb') },
    ]);

    await shutdown.shutdown('SIGTERM');

    expect(ran).toEqual(['mongodb']);
    expect(exits).toEqual([1]);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'shutdown step failed', step: 'nats', level: 'error' }),
    );
  });

  it('exits 1 when the steps do not finish in time', async () => {
    const { shutdown, exits, lines } = setUp(
      [{ name: 'stuck', run: () => new Promise(() => {}) }],
      20,
    );

    await shutdown.shutdown('SIGTERM');

    expect(exits).toEqual([1]);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'shutdown timed out' }));
  });

  it('stops listening for signals once uninstalled', async () => {
    const { shutdown, exits } = setUp([]);

    shutdown.uninstall();
    process.emit('SIGINT', 'SIGINT');
    await new Promise((resolve) => setImmediate(resolve));

    expect(exits).toEqual([]);
  });
});
