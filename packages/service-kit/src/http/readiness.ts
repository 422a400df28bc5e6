/** Something the service needs before it can serve, e.g. "mongodb" or "nats". */
export interface ReadinessCheck {
  name: string;
  /** Resolves when the dependency is usable; rejects (with a reason) when it is not. */
  check(): Promise<void>;
}

export interface ReadinessCheckResult {
  name: string;
  status: 'ok' | 'failed';
  error?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: ReadinessCheckResult[];
}

/**
 * Runs every check concurrently; a check that neither resolves nor rejects within `timeoutMs`
 * counts as failed, so a hung dependency makes `/ready` answer 503 instead of hanging the probe.
 */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async ({ name, check }): Promise<ReadinessCheckResult> => {
      try {
        await withTimeout(check(), timeoutMs, `did not answer within ${timeoutMs} ms`);
        return { name, status: 'ok' };
      } catch (error) {
        return {
          name,
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );
  return { ready: results.every((r) => r.status === 'ok'), checks: results };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
