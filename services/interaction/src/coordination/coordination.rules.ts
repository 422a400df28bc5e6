import { isOfficeLeader, type HeliClaims } from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';
import type { MeetingKind } from '../meetings/meeting.model.js';
import { readableClassifications } from '../meetings/meetings.rules.js';
import type { PartnerTaskRecord, PartnerTaskStatus } from './coordination.model.js';

export const KEY_WORK_TITLE_MAX = 100;
export const KEY_WORK_TEXT_MAX = 2_000;
export const MAX_PARTNER_OFFICES = 20;
/** How many months one arrangement query may span (two years). */
export const MAX_ARRANGEMENT_MONTHS = 24;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A `YYYY-MM` month, or why it is not one. */
export function monthProblem(label: string, month: string): string | null {
  return MONTH.test(month) ? null : `${label}须为“年-月”格式，如 2026-12，收到“${month}”`;
}

/** The months from `from` to `to` inclusive, or the problem with the range. */
export function monthsBetween(
  from: string,
  to: string,
): { months: string[] } | { problem: string } {
  const problem = monthProblem('起始月份', from) ?? monthProblem('截止月份', to);
  if (problem) return { problem };
  const index = (month: string) => {
    const [, year, m] = MONTH.exec(month)!;
    return Number(year) * 12 + Number(m) - 1;
  };
  const start = index(from);
  const end = index(to);
  if (end < start) return { problem: '截止月份不能早于起始月份' };
  if (end - start + 1 > MAX_ARRANGEMENT_MONTHS) {
    return { problem: `一次最多查看 ${MAX_ARRANGEMENT_MONTHS} 个月的统筹安排` };
  }
  const months: string[] = [];
  for (let i = start; i <= end; i++) {
    months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return { months };
}

export interface KeyWorkItemDraft {
  month: string;
  title: string;
  description: string;
}

export function keyWorkItemProblems(draft: KeyWorkItemDraft): (string | null)[] {
  return [
    monthProblem('月份', draft.month),
    textProblem('重点工作名称', draft.title, KEY_WORK_TITLE_MAX),
    textProblem('重点工作说明', draft.description, KEY_WORK_TEXT_MAX, { required: false }),
  ];
}

/**
 * A 横向协调会 is held with at least one partner office; the other kinds of meeting are the
 * office's own and invite none.
 */
export function partnerOfficesProblem(
  kind: MeetingKind,
  partnerOfficeIds: string[],
): string | null {
  if (kind === 'COORDINATION' && partnerOfficeIds.length === 0) {
    return '横向协调会须至少邀请一个常委所在部门办公室';
  }
  if (kind !== 'COORDINATION' && partnerOfficeIds.length > 0) {
    return '只有横向协调会可以邀请常委所在部门办公室';
  }
  if (partnerOfficeIds.length > MAX_PARTNER_OFFICES) {
    return `一次会议最多邀请 ${MAX_PARTNER_OFFICES} 个协作单位`;
  }
  return null;
}

export interface PartnerTaskDraft {
  title: string;
  requirements: string;
  deadline: Date;
}

export function partnerTaskProblems(draft: PartnerTaskDraft, now: Date): (string | null)[] {
  return [
    textProblem('协作事项名称', draft.title, KEY_WORK_TITLE_MAX),
    textProblem('工作要求', draft.requirements, KEY_WORK_TEXT_MAX, { required: false }),
    draft.deadline.getTime() <= now.getTime() ? '完成时限不能早于现在' : null,
  ];
}

/**
 * Who reports on a partner task: its lead (the partner's liaison), the organiser division's head
 * and office leadership.
 */
export function canReportOnPartnerTask(
  viewer: HeliClaims,
  task: Pick<PartnerTaskRecord, 'leadStaffId' | 'organiserDivisionId'>,
): boolean {
  return (
    isOfficeLeader(viewer) ||
    viewer.sub === task.leadStaffId ||
    (viewer.divisionId === task.organiserDivisionId && viewer.roles.includes('DIVISION_HEAD'))
  );
}

/** Progress moves a task forward; a completed task takes no more reports. */
export function statusAfterReport(
  current: PartnerTaskStatus,
  completes: boolean,
): { status: PartnerTaskStatus } | { problem: string } {
  if (current === 'COMPLETED') return { problem: '该协作事项已办结，不能再报送进展' };
  return { status: completes ? 'COMPLETED' : 'IN_PROGRESS' };
}

/**
 * Need-to-know on partner tasks: within the viewer's clearance, and — except for office
 * leadership — only tasks they lead or their division organises or supports.
 */
export function partnerTaskVisibilityFilter(viewer: HeliClaims): Record<string, unknown> {
  const withinClearance = { classification: { $in: readableClassifications(viewer.clearance) } };
  if (isOfficeLeader(viewer)) return withinClearance;
  const involved: Record<string, unknown>[] = [{ leadStaffId: viewer.sub }];
  if (viewer.divisionId !== null) {
    involved.push({ organiserDivisionId: viewer.divisionId }, { coDivisionIds: viewer.divisionId });
  }
  return { $and: [withinClearance, { $or: involved }] };
}

/** The overall arrangement is the office's calendar: every key work item within clearance. */
export function keyWorkItemVisibilityFilter(viewer: HeliClaims): Record<string, unknown> {
  return { classification: { $in: readableClassifications(viewer.clearance) } };
}
