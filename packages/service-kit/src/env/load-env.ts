import type { z } from 'zod';
import { EnvError, type EnvProblem } from './env-error.js';

type EnvSource = Record<string, string | undefined>;

// Values of these variables must never be echoed into logs or terminals.
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|CREDENTIAL|KEY/i;

/**
 * Parses `source` (by default `process.env`) against a deployable's schema. Empty strings count as
 * unset, because `FOO=` in a compose file or shell means "not configured", not "the empty string".
 * Throws an `EnvError` listing every problem at once.
 */
export function loadEnv<S extends z.ZodType<object>>(
  schema: S,
  // The one sanctioned read of process.env: deployables' env.ts files call this.
  // eslint-disable-next-line no-restricted-properties
  source: EnvSource = process.env,
): z.output<S> {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present, {
    error: (issue) => (issue.input === undefined ? 'required' : undefined),
  });
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => describeIssue(issue, present)));
}

/** `loadEnv` for an entry point: prints the problems and exits 1 instead of throwing. */
export function loadEnvOrExit<S extends z.ZodType<object>>(
  schema: S,
  // eslint-disable-next-line no-restricted-properties
  source: EnvSource = process.env,
): z.output<S> {
  try {
    return loadEnv(schema, source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function describeIssue(issue: z.core.$ZodIssue, present: EnvSource): EnvProblem {
  const variable = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  if (variable === undefined) return { variable, reason: issue.message };
  const raw = present[variable];
  if (raw === undefined || issue.message === 'required') return { variable, reason: issue.message };
  return { variable, reason: `${issue.message}, got ${shownValue(variable, raw)}` };
}

function shownValue(variable: string, raw: string): string {
  if (SECRET_NAME.test(variable)) return `a value of ${raw.length} characters`;
  // Connection strings may carry credentials in their user-info part.
  return `'${raw.replace(/\/\/[^/@]*@/, '//***@')}'`;
}
