import type { PublishedMatter, PublishedStatistics } from './published-view.js';

/** How long a signed query is good for: beyond this it is taken for a replay and refused. */
export const QUERY_FRESHNESS_MS = 2 * 60_000;

/** Whether a query issued at `issuedAt` may still be answered at `now` (clocks may differ a little). */
export function isFreshQuery(issuedAt: Date, now: Date): boolean {
  return Math.abs(now.getTime() - issuedAt.getTime()) <= QUERY_FRESHNESS_MS;
}

/**
 * The figures over what a lower office published (as far as the viewer may see it): how many
 * matters the higher office assigned, were taken on, completed (and on time), are past their
 * deadline unfinished, were escalated to RED; and how many documents it sent up. `now` is when
 * the lower office answered, so the figures describe that moment.
 */
export function publishedStatistics(
  matters: readonly Pick<PublishedMatter, 'status' | 'deadline' | 'escalation' | 'updates'>[],
  reports: number,
  now: Date,
): PublishedStatistics {
  const completed = matters.filter((matter) => matter.status === 'COMPLETED');
  return {
    assigned: matters.length,
    accepted: matters.filter((matter) => matter.status !== 'ASSIGNED').length,
    completed: completed.length,
    completedOnTime: completed.filter((matter) =>
      matter.updates.some((update) => update.type === 'COMPLETED' && update.onTime === true),
    ).length,
    overdue: matters.filter(
      (matter) => matter.status !== 'COMPLETED' && new Date(matter.deadline) < now,
    ).length,
    red: matters.filter((matter) => matter.escalation === 'RED').length,
    reports,
  };
}
