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

/**
 * Logs what `/ready` answers when it changes, not on every probe: probes come every few seconds
 * and a service is normally not ready while it starts. Becoming ready is info; not being ready
 * before ever having been (starting) is info once; losing readiness is a warning, as it means a
 * dependency was lost; repeated answers are debug.
 */
export function readinessTransitionLog(logger: {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}): (report: ReadinessReport) => void {
  let last: boolean | undefined;
  let everReady = false;
  return (report) => {
    const failed = report.checks.filter((check) => check.status === 'failed');
    if (report.ready === last) {
      if (!report.ready) logger.debug({ checks: failed }, 'not ready');
      return;
    }
    last = report.ready;
    if (report.ready) {
      everReady = true;
      logger.info({}, 'ready');
    } else if (everReady) logger.warn({ checks: failed }, 'not ready any more');
    else logger.info({ checks: failed }, 'not ready yet');
  };
}
