/** The logger shape `start({ logger })` accepts (pino's is a superset). */
export type DurabilityLogger = {
  info(o: object, m?: string): void;
  warn(o: object, m?: string): void;
  error(o: object, m?: string): void;
};

/**
 * Used when the caller passes no logger: a truncated journal tail must never go unreported, so
 * warnings and errors still reach stderr as one JSON line each.
 */
export const stderrLogger: DurabilityLogger = {
  info: () => {},
  warn: (o, m) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg: m, ...o })}\n`),
  error: (o, m) => process.stderr.write(`${JSON.stringify({ level: 'error', msg: m, ...o })}\n`),
};
