import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import type { Clock } from '../clock.js';
import { announceOverdueReadings } from '../distribution/overdue-readings.js';
import { runDueDigestSchedules } from '../info-collection/digest-schedules.js';
import type { SharingModels } from '../models.js';

/** The time-driven work: announce overdue readings, send scheduled digests. */
export async function runSweeps(runtime: SubgraphRuntime<SharingModels>, clock: Clock) {
  const now = clock.now();
  const overdueReadings = await announceOverdueReadings(runtime, now);
  const digestsSent = await runDueDigestSchedules(runtime, now);
  return { overdueReadings, digestsSent };
}

/**
 * Runs the sweeps every `intervalMs` until the database connection closes. A failed sweep is
 * logged and tried again next time; the next one starts only after the previous finished.
 */
export function scheduleSweeps(
  runtime: SubgraphRuntime<SharingModels>,
  clock: Clock,
  intervalMs: number,
): void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const result = await runSweeps(runtime, clock);
      if (result.overdueReadings + result.digestsSent > 0)
        runtime.logger.info(result, 'sweep done');
    } catch (error) {
      if (!stopped) runtime.logger.warn({ err: error }, 'sweep failed; retrying next interval');
    }
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  runtime.conn.once('close', () => {
    stopped = true;
    clearTimeout(timer);
  });
  timer = setTimeout(tick, intervalMs).unref();
}
