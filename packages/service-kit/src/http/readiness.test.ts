import { describe, expect, it } from 'vitest';
import { readinessTransitionLog, type ReadinessReport } from './readiness.js';

const starting: ReadinessReport = {
  ready: false,
  checks: [
    { name: 'mongodb', status: 'ok' },
    { name: 'startup', status: 'failed', error: 'still starting' },
  ],
};
const ready: ReadinessReport = { ready: true, checks: [{ name: 'mongodb', status: 'ok' }] };
const lost: ReadinessReport = {
  ready: false,
  checks: [{ name: 'mongodb', status: 'failed', error: 'not connected' }],
};

function recordingLogger() {
  const lines: string[] = [];
  const at = (level: string) => (obj: object, msg: string) =>
    lines.push(`${level} ${msg} ${JSON.stringify(obj)}`);
  return { lines, logger: { info: at('info'), warn: at('warn'), debug: at('debug') } };
}

describe('readinessTransitionLog', () => {
  it('given a service polled while it starts, when it becomes ready, then logs one info line each way and no warning', () => {
    const { lines, logger } = recordingLogger();
    const log = readinessTransitionLog(logger);
    for (let i = 0; i < 50; i += 1) log(starting);
    log(ready);
    log(ready);
    expect(lines.filter((line) => !line.startsWith('debug'))).toEqual([
      'info not ready yet {"checks":[{"name":"startup","status":"failed","error":"still starting"}]}',
      'info ready {}',
    ]);
  });

  it('given a ready service, when a dependency is lost, then warns once naming the failed check', () => {
    const { lines, logger } = recordingLogger();
    const log = readinessTransitionLog(logger);
    log(ready);
    log(lost);
    log(lost);
    expect(lines.filter((line) => line.startsWith('warn'))).toEqual([
      'warn not ready any more {"checks":[{"name":"mongodb","status":"failed","error":"not connected"}]}',
    ]);
    expect(lines.at(-1)).toMatch(/^debug not ready/);
  });
});
