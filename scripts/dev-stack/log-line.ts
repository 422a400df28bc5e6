const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/**
 * Turns one pino JSON line from a child into `[name] level message (requestId)` for the
 * terminal. Lines that are not JSON are shown as they are, so a crash's stack trace is never hidden.
 */
export function formatLogLine(name: string, line: string): string | null {
  if (!line.trim()) return null;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `[${name}] ${line}`;
  }
  if (typeof entry !== 'object' || entry === null) return `[${name}] ${line}`;
  const level =
    typeof entry.level === 'number'
      ? (LEVELS[entry.level] ?? String(entry.level))
      : String(entry.level ?? 'info');
  const msg = typeof entry.msg === 'string' ? entry.msg : '';
  const err = entry.err as { message?: string } | undefined;
  const requestId = typeof entry.requestId === 'string' ? ` (${entry.requestId})` : '';
  return `[${name}] ${level.padEnd(5)} ${msg}${err?.message ? `: ${err.message}` : ''}${requestId}`;
}
