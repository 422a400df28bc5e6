import { textProblem } from '@heli/subgraph-runtime';

export const ASSIGNMENT_PRIORITIES = ['NORMAL', 'HIGH', 'URGENT'] as const;
export type AssignmentPriority = (typeof ASSIGNMENT_PRIORITIES)[number];

export function priorityRank(priority: AssignmentPriority): number {
  return ASSIGNMENT_PRIORITIES.indexOf(priority);
}

export const TITLE_MAX = 100;
export const LONG_TEXT_MAX = 5000;

/**
 * How far ahead a deadline may lie. Matters run for weeks or months, a five-year plan at most; a
 * deadline decades away is a typo, and would keep the matter out of supervision for good.
 */
export const DEADLINE_MAX_YEARS = 10;

/** A matter is led by one division with a few others; more is a mistake (or an attack). */
export const MAX_CO_DIVISIONS = 20;
export const MAX_RESPONSIBLE_STAFF = 50;

/** The latest deadline a matter created at `now` may have. */
export function latestDeadline(now: Date): Date {
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + DEADLINE_MAX_YEARS);
  return latest;
}

/** The parts of a new matter that can be checked without the database. */
export interface NewMatterFields {
  title: string;
  requirements: string;
  leadDivisionId: string;
  coDivisionIds: readonly string[];
  responsibleStaffIds?: readonly string[];
  deadline: Date;
}

/** Every problem with a new matter's fields, in the order a form shows them; empty when fine. */
export function newMatterProblems(fields: NewMatterFields, now: Date): string[] {
  const problems = [
    textProblem('事项标题', fields.title, TITLE_MAX),
    longTextProblem('办理要求', fields.requirements),
    fields.deadline.getTime() <= now.getTime() ? '办理时限必须晚于当前时间' : null,
    fields.deadline.getTime() > latestDeadline(now).getTime()
      ? `办理时限不能晚于 ${DEADLINE_MAX_YEARS} 年之后`
      : null,
    fields.coDivisionIds.includes(fields.leadDivisionId) ? '主办处室不能同时是协办处室' : null,
    new Set(fields.coDivisionIds).size !== fields.coDivisionIds.length ? '协办处室不能重复' : null,
    fields.coDivisionIds.length > MAX_CO_DIVISIONS
      ? `协办处室不能超过 ${MAX_CO_DIVISIONS} 个`
      : null,
    (fields.responsibleStaffIds?.length ?? 0) > MAX_RESPONSIBLE_STAFF
      ? `责任人不能超过 ${MAX_RESPONSIBLE_STAFF} 人`
      : null,
  ];
  return problems.filter((problem) => problem !== null);
}

/**
 * Matters from an instruction or a meeting decision arrive as events from sharing and
 * interaction, with the id of what caused them; a person assigns only LEADERSHIP or
 * HIGHER_OFFICE matters.
 */
export function manualSourceProblem(source: string): string | null {
  return source === 'LEADERSHIP' || source === 'HIGHER_OFFICE'
    ? null
    : '领导批示和会议议定事项由批示、会议记录自动生成，不能直接交办';
}

/** Why optional long text (requirements, a note) cannot be stored, or null. */
export function longTextProblem(label: string, value: string): string | null {
  return textProblem(label, value, LONG_TEXT_MAX, { required: false });
}
