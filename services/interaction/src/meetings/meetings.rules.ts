import {
  CLASSIFICATIONS,
  canRead,
  isOfficeLeader,
  type Classification,
  type HeliClaims,
} from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';
import type { AgendaItemKind, MeetingKind, MeetingRecord } from './meeting.model.js';

export const TITLE_MAX = 100;
export const PLACE_MAX = 100;
export const TEXT_MAX = 5_000;
export const MINUTES_MAX = 50_000;
export const MAX_AGENDA_ITEMS = 50;
export const MAX_LINKS = 20;
export const MAX_PARTICIPANTS = 200;

export interface MeetingDraft {
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  place: string;
  chairStaffId: string;
  attendingDivisionIds: string[];
  attendeeStaffIds: string[];
}

/** Everything wrong with a meeting to schedule, for `rejectProblems`. */
export function meetingDraftProblems(draft: MeetingDraft, now: Date): (string | null)[] {
  return [
    textProblem('会议名称', draft.title, TITLE_MAX),
    textProblem('会议地点', draft.place, PLACE_MAX, { required: false }),
    draft.startsAt.getTime() <= now.getTime() ? '会议时间不能早于现在' : null,
    draft.attendingDivisionIds.length + draft.attendeeStaffIds.length === 0
      ? '请至少指定一个参会处室或参会人员'
      : null,
    draft.attendingDivisionIds.length > MAX_PARTICIPANTS ||
    draft.attendeeStaffIds.length > MAX_PARTICIPANTS
      ? `参会处室和参会人员各不能超过 ${MAX_PARTICIPANTS} 个`
      : null,
  ];
}

export interface AgendaItemDraft {
  kind: AgendaItemKind;
  title: string;
  content: string;
  documentIds: string[];
  linkedEntryIds: string[];
  deployment: {
    leadDivisionId: string;
    coDivisionIds: string[];
    deadline: Date;
    requirements: string;
  } | null;
}

/** Everything wrong with an agenda item; a 部署 item needs what a matter needs. */
export function agendaItemProblems(item: AgendaItemDraft, now: Date): (string | null)[] {
  const problems: (string | null)[] = [
    textProblem('议题名称', item.title, TITLE_MAX),
    textProblem('议题内容', item.content, TEXT_MAX, { required: false }),
    item.documentIds.length > MAX_LINKS || item.linkedEntryIds.length > MAX_LINKS
      ? `关联文件和关联成果各不能超过 ${MAX_LINKS} 个`
      : null,
  ];
  if (item.kind === 'DEPLOYMENT') {
    const deployment = item.deployment;
    if (deployment === null) return [...problems, '部署事项必须指定牵头处室、时限和工作要求'];
    problems.push(
      textProblem('工作要求', deployment.requirements, TEXT_MAX),
      deployment.deadline.getTime() <= now.getTime() ? '部署事项的时限不能早于现在' : null,
      deployment.coDivisionIds.includes(deployment.leadDivisionId)
        ? '牵头处室不能同时是协办处室'
        : null,
      deployment.coDivisionIds.length > MAX_PARTICIPANTS
        ? `协办处室不能超过 ${MAX_PARTICIPANTS} 个`
        : null,
    );
  } else if (item.deployment !== null) {
    problems.push('只有部署事项可以指定牵头处室和时限');
  }
  return problems;
}

/** Who may change the agenda and record absences: the chair, who scheduled it, office leadership. */
export function canOrganise(viewer: HeliClaims, meeting: MeetingRecord): boolean {
  return (
    isOfficeLeader(viewer) ||
    viewer.sub === meeting.chairStaffId ||
    viewer.sub === meeting.scheduledByStaffId
  );
}

/** Only the chair and office leadership close a meeting (the access rule). */
export function canClose(viewer: HeliClaims, meeting: MeetingRecord): boolean {
  return isOfficeLeader(viewer) || viewer.sub === meeting.chairStaffId;
}

/** Who may schedule a meeting: office leadership and division heads. */
export function canSchedule(viewer: HeliClaims): boolean {
  return isOfficeLeader(viewer) || viewer.roles.includes('DIVISION_HEAD');
}

/** Whether the person was asked to the meeting, themselves or through their division. */
export function isInvited(
  viewer: Pick<HeliClaims, 'sub' | 'divisionId'>,
  meeting: MeetingRecord,
): boolean {
  return (
    meeting.attendeeStaffIds.includes(viewer.sub) ||
    meeting.chairStaffId === viewer.sub ||
    (viewer.divisionId !== null && meeting.attendingDivisionIds.includes(viewer.divisionId))
  );
}

/**
 * The attending divisions nobody from which signed in, and those recorded absent: they receive the
 * minutes to read. A division that sent someone after recording an absence was there after all.
 */
export function absentDivisionIds(meeting: MeetingRecord): string[] {
  const present = new Set(
    meeting.signIns.map((signIn) => signIn.divisionId).filter((id) => id !== null),
  );
  const expected = [
    ...meeting.attendingDivisionIds,
    ...meeting.absences.map((absence) => absence.divisionId),
  ];
  return [...new Set(expected)].filter((id) => !present.has(id));
}

/** The classifications the viewer's clearance covers, for a query filter. */
export function readableClassifications(clearance: Classification): Classification[] {
  return CLASSIFICATIONS.filter((classification) => canRead(clearance, classification));
}

/**
 * Need-to-know on meetings as a query filter: within the viewer's clearance, and — except for
 * office leadership — only meetings they or their division were asked to, chair or scheduled.
 * An id outside it answers exactly as an id that does not exist.
 */
export function meetingVisibilityFilter(viewer: HeliClaims): Record<string, unknown> {
  const withinClearance = { classification: { $in: readableClassifications(viewer.clearance) } };
  if (isOfficeLeader(viewer)) return withinClearance;
  const involved: Record<string, unknown>[] = [
    { attendeeStaffIds: viewer.sub },
    { chairStaffId: viewer.sub },
    { scheduledByStaffId: viewer.sub },
  ];
  if (viewer.divisionId !== null) {
    involved.push(
      { attendingDivisionIds: viewer.divisionId },
      { organiserDivisionId: viewer.divisionId },
      { 'agenda.deployment.leadDivisionId': viewer.divisionId },
      { 'agenda.deployment.coDivisionIds': viewer.divisionId },
    );
  }
  return { $and: [withinClearance, { $or: involved }] };
}

/**
 * Meetings the viewer takes part in — attends, chairs or scheduled, or their division attends or
 * runs — within their clearance: "my meetings", a part of what `meetingVisibilityFilter` lets
 * them see (office leadership see every meeting, but take part in fewer).
 */
export function meetingInvolvementFilter(viewer: HeliClaims): Record<string, unknown> {
  const involved: Record<string, unknown>[] = [
    { attendeeStaffIds: viewer.sub },
    { chairStaffId: viewer.sub },
    { scheduledByStaffId: viewer.sub },
  ];
  if (viewer.divisionId !== null) {
    involved.push(
      { attendingDivisionIds: viewer.divisionId },
      { organiserDivisionId: viewer.divisionId },
    );
  }
  return {
    $and: [
      { classification: { $in: readableClassifications(viewer.clearance) } },
      { $or: involved },
    ],
  };
}

/** The decision a matter came from is seen by whoever may see the meeting, or works on the matter. */
export function decisionVisibilityFilter(viewer: HeliClaims): Record<string, unknown> {
  const withinClearance = { classification: { $in: readableClassifications(viewer.clearance) } };
  if (isOfficeLeader(viewer)) return withinClearance;
  return viewer.divisionId === null
    ? { $and: [withinClearance, { _id: { $in: [] } }] }
    : {
        $and: [
          withinClearance,
          { $or: [{ leadDivisionId: viewer.divisionId }, { coDivisionIds: viewer.divisionId }] },
        ],
      };
}
