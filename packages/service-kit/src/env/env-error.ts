/** One variable that failed validation, as a person would describe it. */
export interface EnvProblem {
  /** The variable's name, or `undefined` for a rule that spans several variables. */
  variable: string | undefined;
  reason: string;
}

/**
 * Thrown by `loadEnv` when the environment does not satisfy the deployable's schema. The message
 * names every bad or missing variable at once, so a misconfigured deployment is fixed in one go
 * rather than one restart per variable.
 */
export class EnvError extends Error {
  override readonly name = 'EnvError';

  constructor(readonly problems: readonly EnvProblem[]) {
    super(
      `Invalid environment: ${problems
        .map((p) => (p.variable ? `${p.variable}: ${p.reason}` : p.reason))
        .join('; ')}`,
    );
  }
}
