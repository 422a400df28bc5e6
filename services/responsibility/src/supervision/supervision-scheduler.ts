import type { Logger } from '@heli/service-kit';
import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import type { Clock } from '../clock/clock.js';
import type { ResponsibilityModels } from '../models.js';
import { runSupervisionTick } from './supervision-tick.js';
import type { SupervisionSettings } from './supervision-settings.js';

/**
 * Runs the supervision tick every `schedulerIntervalMs` on this replica. Replicas need no leader:
 * the tick is safe to run on all of them at once (see runSupervisionTick). A tick still running
 * when the next is due is not overlapped; a failed tick is logged and the next one tries again.
 * It stops when the service's MongoDB connection closes, the last step of shutdown.
 */
export function startSupervisionScheduler(
  runtime: SubgraphRuntime<ResponsibilityModels>,
  { clock, settings }: { clock: Clock; settings: SupervisionSettings },
): { stop(): void } {
  if (settings.schedulerIntervalMs === 0) return { stop: () => {} };
  const logger: Logger = runtime.logger.child({ component: 'supervision-scheduler' });
  let running = false;

  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runSupervisionTick(runtime, clock.now(), settings)
      .then((summary) => {
        const acted =
          summary.deadlineReminders +
          summary.reportReminders +
          summary.reportsDueSoon +
          summary.overdue +
          summary.escalations.BLUE +
          summary.escalations.ORANGE +
          summary.escalations.RED;
        if (acted > 0) logger.info({ summary }, 'supervision tick');
      })
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'supervision tick failed; retrying next interval'),
      )
      .finally(() => {
        running = false;
      });
  }, settings.schedulerIntervalMs);
  timer.unref();

  const stop = () => clearInterval(timer);
  runtime.conn.once('close', stop);
  return { stop };
}
