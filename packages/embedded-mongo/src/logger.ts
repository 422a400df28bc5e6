/** The logging surface the server needs; pino and console-like loggers both fit. */
export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** One JSON object per line on stdout, for the CLI. */
export function jsonLineLogger(
  write: (line: string) => void = (l) => process.stdout.write(l),
): Logger {
  const log =
    (level: string) =>
    (obj: object, msg?: string): void =>
      write(
        `${JSON.stringify({ level, time: new Date().toISOString(), ...obj, ...(msg ? { msg } : {}) })}\n`,
      );
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
