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
});
