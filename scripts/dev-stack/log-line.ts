const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** pino's level numbers by name. */
export const LOG_LEVEL_NUMBERS = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
} as const;

/**
 * Turns one pino JSON line from a child into `[name] level message (requestId)` for the
 * terminal, or null below `minLevel`. Lines that are not JSON are shown as they are, so a crash's
 * stack trace is never hidden.
 */
export function formatLogLine(name: string, line: string, minLevel = 0): string | null {
  if (!line.trim()) return null;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `[${name}] ${line}`;
  }
  if (typeof entry !== 'object' || entry === null) return `[${name}] ${line}`;
  const levelNumber =
    typeof entry.level === 'number'
      ? entry.level
      : LOG_LEVEL_NUMBERS[entry.level as keyof typeof LOG_LEVEL_NUMBERS];
  if (levelNumber !== undefined && levelNumber < minLevel) return null;
  const level =
    typeof entry.level === 'number'
      ? (LEVELS[entry.level] ?? String(entry.level))
      : String(entry.level ?? 'info');
  const msg = typeof entry.msg === 'string' ? entry.msg : '';
  const err = entry.err as { message?: string } | undefined;
  const requestId = typeof entry.requestId === 'string' ? ` (${entry.requestId})` : '';
  return `[${name}] ${level.padEnd(5)} ${msg}${err?.message ? `: ${err.message}` : ''}${requestId}`;
}
