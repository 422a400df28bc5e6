import { compareClassification, type Classification } from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';
import { CLASSIFICATION_NAMES } from '../documents/classification-names.js';
import type { Link } from '../links/links.config.js';
import type { MatterUpdate, OfficeAssignmentStatus } from './office-assignment.model.js';

export const MATTER_TITLE_MAX = 200;
export const REQUIREMENTS_MAX = 5_000;

/** Why a matter cannot be assigned to `link`'s office as given; empty when it can. */
export function officeAssignmentProblems(
  input: { title: string; requirements: string; deadline: Date; classification: Classification },
  link: Pick<Link, 'name' | 'relation' | 'maxClassification'> | undefined,
  now: Date,
): string[] {
  const problems = [
    textProblem('事项名称', input.title, MATTER_TITLE_MAX),
    textProblem('工作要求', input.requirements, REQUIREMENTS_MAX),
  ].filter((problem) => problem !== null);
  if (Number.isNaN(input.deadline.getTime()) || input.deadline <= now) {
    problems.push('办理时限应晚于现在');
  }
  if (link === undefined) problems.push('本机关未与该机关建立联络');
  else {
    if (link.relation !== 'LOWER') {
      problems.push(`只能向下级机关交办事项，${link.name}不是本机关的下级机关`);
    }
    if (compareClassification(input.classification, link.maxClassification) > 0) {
      problems.push(
        `与${link.name}的联络线路最高传输${CLASSIFICATION_NAMES[link.maxClassification]}事项，` +
          `${CLASSIFICATION_NAMES[input.classification]}事项不能经此线路交办`,
      );
    }
  }
  return problems;
}

/**
 * The matter after an update from the lower office: recorded once (by its id), in the order they
 * came; completion is final, acceptance moves an assigned matter on.
 */
export function withUpdate(
  matter: { status: OfficeAssignmentStatus; updates: readonly MatterUpdate[] },
  update: MatterUpdate,
): { status: OfficeAssignmentStatus; updates: MatterUpdate[] } | null {
  if (matter.updates.some((existing) => existing.updateId === update.updateId)) return null;
  let status = matter.status;
  if (update.type === 'COMPLETED') status = 'COMPLETED';
  else if (update.type === 'ACCEPTED' && status === 'ASSIGNED') status = 'ACCEPTED';
  return { status, updates: [...matter.updates, update] };
}

/** The highest supervision level the lower office reported, if any (RED is what the board flags). */
export function escalationOf(updates: readonly MatterUpdate[]): 'BLUE' | 'ORANGE' | 'RED' | null {
  const order = ['BLUE', 'ORANGE', 'RED'] as const;
  let highest: (typeof order)[number] | null = null;
  for (const update of updates) {
    if (
      update.level !== null &&
      (highest === null || order.indexOf(update.level) > order.indexOf(highest))
    ) {
      highest = update.level;
    }
  }
  return highest;
}

/** The last percentage reported, 100 once completed. */
export function progressOf(
  status: OfficeAssignmentStatus,
  updates: readonly MatterUpdate[],
): number {
  if (status === 'COMPLETED') return 100;
  const reported = updates.filter((update) => update.percent !== null);
  return reported.at(-1)?.percent ?? 0;
}
