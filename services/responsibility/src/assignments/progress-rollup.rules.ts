import type { AssignmentStatus } from './assignment-lifecycle.rules.js';

export interface ProgressPart {
  status: AssignmentStatus;
  reportedPercent: number;
}

/** How far one matter has got on its own: a completed matter is done, whatever was reported. */
export function ownProgress({ status, reportedPercent }: ProgressPart): number {
  return status === 'COMPLETED' ? 100 : reportedPercent;
}

/**
 * A parent's progress rolled up from its sub-matters: the lead division's own share and each
 * co-organiser's sub-matter weigh the same. Cancelled sub-matters no longer count; without
 * sub-matters it is the parent's own progress. Rounded to a whole percent.
 */
export function rolledUpProgress(parent: ProgressPart, children: readonly ProgressPart[]): number {
  const parts = [parent, ...children.filter((child) => child.status !== 'CANCELLED')];
  const total = parts.reduce((sum, part) => sum + ownProgress(part), 0);
  return Math.round(total / parts.length);
}

/** A result can only be submitted once no sub-matter is still under way. */
export function openSubMatterCount(children: readonly ProgressPart[]): number {
  return children.filter((child) => child.status !== 'COMPLETED' && child.status !== 'CANCELLED')
    .length;
}
