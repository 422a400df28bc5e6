import { describe, expect, it } from 'vitest';
import { formatLogLine } from './log-line.js';

describe('formatLogLine', () => {
  it('given a pino JSON line, when formatted, then shows name, level, message, error and request id', () => {
    const line = JSON.stringify({
      level: 50,
      msg: 'query failed',
      err: { message: 'boom' },
      requestId: 'r-1',
    });
    expect(formatLogLine('gateway', line)).toBe('[gateway] error query failed: boom (r-1)');
  });

  it('given a line that is not JSON (a stack trace), when formatted, then shows it unchanged', () => {
    expect(formatLogLine('mongo', '    at main (cli.ts:3:1)')).toBe(
      '[mongo]     at main (cli.ts:3:1)',
    );
  });

  it('given a blank line, when formatted, then shows nothing', () => {
    expect(formatLogLine('mongo', '   ')).toBeNull();
  });

  it('given a minimum level of warn, when an info entry and a warning are formatted, then only the warning is shown', () => {
    const info = JSON.stringify({ level: 30, msg: 'event consumer started' });
    const warn = JSON.stringify({ level: 'warn', msg: 'event handler failed; will retry' });
    expect(formatLogLine('sharing', info, 40)).toBeNull();
    expect(
      formatLogLine('sharing', JSON.stringify({ level: 'info', msg: 'ready' }), 40),
    ).toBeNull();
    expect(formatLogLine('sharing', warn, 40)).toBe(
      '[sharing] warn  event handler failed; will retry',
    );
    expect(formatLogLine('sharing', '    at main (cli.ts:3:1)', 40)).toBe(
      '[sharing]     at main (cli.ts:3:1)',
    );
  });
});
