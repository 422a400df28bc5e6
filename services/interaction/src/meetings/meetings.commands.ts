import { canRead, type Classification, type HeliClaims } from '@heli/auth';
import { interactionEvents } from '@heli/event-contracts';
import { conflict, forbidden, notFound, rejectProblems, textProblem } from '@heli/subgraph-runtime';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-calendar.js';
import { requireKeyWorkItems, requirePartnerOffices } from '../coordination/coordination-links.js';
import { partnerOfficesProblem } from '../coordination/coordination.rules.js';
import { requireLinkableDocuments } from '../documents/linked-documents.js';
import { requireKnown } from '../organisation/known-organisation.js';
import { newEntityId } from '../records/entity-id.js';
import type { InteractionWrite } from '../records/interaction-write.js';
import type { AgendaItemRecord, DecisionRecord, MeetingRecord } from './meeting.model.js';
import {
  absentDivisionIds,
  agendaItemProblems,
  canClose,
  canOrganise,
  canSchedule,
  isInvited,
  MAX_AGENDA_ITEMS,
  meetingDraftProblems,
  meetingVisibilityFilter,
  MINUTES_MAX,
  type AgendaItemDraft,
  type MeetingDraft,
} from './meetings.rules.js';

const iso = (time: Date) => time.toISOString();

/** The meeting as the viewer may see it, inside the write's transaction; NOT_FOUND otherwise. */
export async function visibleMeeting(
  write: InteractionWrite,
  viewer: HeliClaims,
  meetingId: string,
): Promise<MeetingRecord> {
  const meeting = await write.models.meetings
    .findOne({ $and: [{ _id: meetingId }, meetingVisibilityFilter(viewer)] })
    .session(write.session)
    .lean<MeetingRecord>();
  if (!meeting) throw notFound(`会议 ${meetingId}`);
  return meeting;
}

export interface ScheduleMeetingInput extends MeetingDraft {
  classification: Classification;
  organiserDivisionId: string | null;
  /** 横向协调会 only: the partner offices taking part. */
  partnerOfficeIds: string[];
  /** 统筹安排: key work items the meeting serves. */
  keyWorkItemIds: string[];
}

export async function scheduleMeeting(
  write: InteractionWrite,
  viewer: HeliClaims,
  input: ScheduleMeetingInput,
  now: Date,
  id: string = newEntityId('meeting'),
): Promise<MeetingRecord> {
  if (!canSchedule(viewer)) throw forbidden('只有厅领导和处长可以安排会议');
  const organiserDivisionId = input.organiserDivisionId ?? viewer.divisionId;
  rejectProblems([
    ...meetingDraftProblems(input, now),
    organiserDivisionId === null ? '请指定承办处室' : null,
    canRead(viewer.clearance, input.classification) ? null : '会议密级不能高于本人的密级',
    partnerOfficesProblem(input.kind, input.partnerOfficeIds),
  ]);
  await requireKnown(write.models, write.session, {
    divisionIds: [...input.attendingDivisionIds, organiserDivisionId!],
    staffIds: [...input.attendeeStaffIds, input.chairStaffId],
  });
  await requirePartnerOffices(write.models, write.session, input.partnerOfficeIds);
  await requireKeyWorkItems(write.models, write.session, viewer, input.keyWorkItemIds);
  const meeting: MeetingRecord = {
    _id: id,
    kind: input.kind,
    title: input.title.trim(),
    startsAt: input.startsAt,
    place: input.place.trim(),
    chairStaffId: input.chairStaffId,
    organiserDivisionId: organiserDivisionId!,
    attendingDivisionIds: [...new Set(input.attendingDivisionIds)],
    attendeeStaffIds: [...new Set(input.attendeeStaffIds)],
    partnerOfficeIds: [...new Set(input.partnerOfficeIds)],
    keyWorkItemIds: [...new Set(input.keyWorkItemIds)],
    partnerTaskIds: [],
    classification: input.classification,
    status: 'SCHEDULED',
    agenda: [],
    signIns: [],
    absences: [],
    minutes: null,
    scheduledByStaffId: viewer.sub,
    scheduledAt: now,
    closedByStaffId: null,
    closedAt: null,
  };
  await write.models.meetings.create([meeting], { session: write.session });
  write.emit(
    interactionEvents.meetingScheduled,
    {
      meetingId: id,
      meetingKind: meeting.kind,
      title: meeting.title,
      classification: meeting.classification,
      startsAt: iso(meeting.startsAt),
      chairStaffId: meeting.chairStaffId,
      attendingDivisionIds: meeting.attendingDivisionIds,
      scheduledByStaffId: viewer.sub,
      scheduledAt: iso(now),
    },
    { subject: id },
  );
  return meeting;
}

function requireScheduled(meeting: MeetingRecord): void {
  if (meeting.status !== 'SCHEDULED') throw conflict('会议已结束，不能再更改');
}

export async function addAgendaItem(
  write: InteractionWrite,
  viewer: HeliClaims,
  meetingId: string,
  item: AgendaItemDraft,
  now: Date,
): Promise<MeetingRecord> {
  const meeting = await visibleMeeting(write, viewer, meetingId);
  if (!canOrganise(viewer, meeting)) throw forbidden('只有会议主持人、安排人和厅领导可以安排议题');
  requireScheduled(meeting);
  rejectProblems(agendaItemProblems(item, now));
  await requireLinkableDocuments(write.models, write.session, viewer, item.documentIds);
  if (item.deployment) {
    await requireKnown(write.models, write.session, {
      divisionIds: [item.deployment.leadDivisionId, ...item.deployment.coDivisionIds],
    });
  }
  const record: AgendaItemRecord = {
    _id: newEntityId('item'),
    kind: item.kind,
    title: item.title.trim(),
    content: item.content.trim(),
    documentIds: [...new Set(item.documentIds)],
    linkedEntryIds: [...new Set(item.linkedEntryIds)],
    deployment: item.deployment && {
      leadDivisionId: item.deployment.leadDivisionId,
      coDivisionIds: [...new Set(item.deployment.coDivisionIds)],
      deadline: item.deployment.deadline,
      requirements: item.deployment.requirements.trim(),
    },
    addedByStaffId: viewer.sub,
    addedAt: now,
  };
  // Conditional on the meeting still being open and the agenda not full, so a close or another
  // item landing meanwhile is respected.
  const updated = await write.models.meetings
    .findOneAndUpdate(
      {
        _id: meetingId,
        status: 'SCHEDULED',
        [`agenda.${MAX_AGENDA_ITEMS - 1}`]: { $exists: false },
      },
      { $push: { agenda: record } },
      { new: true, session: write.session },
    )
    .lean<MeetingRecord>();
  if (!updated) throw conflict(`会议已结束或议题已满 ${MAX_AGENDA_ITEMS} 个`);
  return updated;
}

/** 签到: the viewer signs themselves in; signing in twice changes nothing. */
export async function signIn(
  write: InteractionWrite,
  viewer: HeliClaims,
  meetingId: string,
  now: Date,
): Promise<MeetingRecord> {
  const meeting = await visibleMeeting(write, viewer, meetingId);
  if (!isInvited(viewer, meeting)) throw forbidden('您不在本次会议的参会范围内');
  requireScheduled(meeting);
  await write.models.meetings.updateOne(
    { _id: meetingId, status: 'SCHEDULED', 'signIns.staffId': { $ne: viewer.sub } },
    { $push: { signIns: { staffId: viewer.sub, divisionId: viewer.divisionId, at: now } } },
    { session: write.session },
  );
  return (await write.models.meetings
    .findById(meetingId)
    .session(write.session)
    .lean<MeetingRecord>())!;
}

/** 请假: the organiser records why an attending division is absent (replacing an earlier reason). */
export async function recordAbsence(
  write: InteractionWrite,
  viewer: HeliClaims,
  meetingId: string,
  divisionId: string,
  reason: string,
  now: Date,
): Promise<MeetingRecord> {
  const meeting = await visibleMeeting(write, viewer, meetingId);
  if (!canOrganise(viewer, meeting)) throw forbidden('只有会议主持人、安排人和厅领导可以登记缺席');
  requireScheduled(meeting);
  rejectProblems([
    textProblem('缺席原因', reason, 200),
    meeting.attendingDivisionIds.includes(divisionId) ? null : `处室 ${divisionId} 不在参会范围内`,
  ]);
  // Replaces an earlier reason for the same division; both writes are in the transaction.
  await write.models.meetings.updateOne(
    { _id: meetingId, status: 'SCHEDULED' },
    { $pull: { absences: { divisionId } } },
    { session: write.session },
  );
  const updated = await write.models.meetings
    .findOneAndUpdate(
      { _id: meetingId, status: 'SCHEDULED' },
      {
        $push: {
          absences: { divisionId, reason: reason.trim(), recordedByStaffId: viewer.sub, at: now },
        },
      },
      { new: true, session: write.session },
    )
    .lean<MeetingRecord>();
  if (!updated) throw conflict('会议已结束，不能再更改');
  return updated;
}

export interface CloseSettings {
  calendar: WorkingCalendar;
  minutesReadingDays: number;
}

/**
 * Closes the meeting and publishes its minutes: every 部署 item becomes a decision announced for
 * responsibility to make a matter of (idempotent there on the decision id), and the minutes go to
 * sharing for the absent divisions to read. The status flip is conditional, so of two people
 * closing at once exactly one does, and the events are written once.
 */
export async function closeMeeting(
  write: InteractionWrite,
  viewer: HeliClaims,
  meetingId: string,
  minutes: string,
  now: Date,
  settings: CloseSettings,
): Promise<MeetingRecord> {
  const meeting = await visibleMeeting(write, viewer, meetingId);
  if (!canClose(viewer, meeting)) throw forbidden('只有会议主持人和厅领导可以结束会议');
  requireScheduled(meeting);
  rejectProblems([
    textProblem('会议纪要', minutes, MINUTES_MAX),
    meeting.startsAt.getTime() > now.getTime() ? '会议尚未开始，不能结束' : null,
    meeting.agenda.some((item) => item.deployment && item.deployment.deadline <= now)
      ? '有部署事项的时限已过，请先调整时限再结束会议'
      : null,
  ]);
  const closed = await write.models.meetings
    .findOneAndUpdate(
      { _id: meetingId, status: 'SCHEDULED' },
      {
        $set: {
          status: 'CLOSED',
          minutes: minutes.trim(),
          closedByStaffId: viewer.sub,
          closedAt: now,
        },
      },
      { new: true, session: write.session },
    )
    .lean<MeetingRecord>();
  if (!closed) throw conflict('会议已结束，不能再更改');

  const decisions: DecisionRecord[] = closed.agenda
    .filter((item) => item.kind === 'DEPLOYMENT' && item.deployment !== null)
    .map((item) => ({
      _id: item._id,
      meetingId,
      meetingTitle: closed.title,
      classification: closed.classification,
      text: `${item.title}：${item.deployment!.requirements}`,
      leadDivisionId: item.deployment!.leadDivisionId,
      coDivisionIds: item.deployment!.coDivisionIds,
      deadline: item.deployment!.deadline,
      recordedAt: now,
      assignmentId: null,
      status: 'RECORDED',
    }));
  if (decisions.length > 0) {
    await write.models.decisions.insertMany(decisions, { session: write.session });
  }
  for (const decision of decisions) {
    write.emit(
      interactionEvents.meetingDecisionRecorded,
      {
        decisionId: decision._id,
        meetingId,
        meetingKind: closed.kind,
        meetingTitle: closed.title,
        text: decision.text,
        classification: decision.classification,
        leadDivisionId: decision.leadDivisionId,
        coDivisionIds: decision.coDivisionIds,
        deadline: iso(decision.deadline),
        recordedByStaffId: viewer.sub,
        recordedAt: iso(now),
      },
      { subject: decision._id },
    );
  }
  const absent = absentDivisionIds(closed);
  write.emit(
    interactionEvents.meetingClosed,
    {
      meetingId,
      meetingKind: closed.kind,
      title: closed.title,
      classification: closed.classification,
      decisionIds: decisions.map((decision) => decision._id),
      attendedStaffIds: closed.signIns.map((signIn) => signIn.staffId),
      absentDivisionIds: absent,
      closedByStaffId: viewer.sub,
      closedAt: iso(now),
    },
    { subject: meetingId },
  );
  write.emit(
    interactionEvents.minutesPublished,
    {
      meetingId,
      meetingKind: closed.kind,
      title: `${closed.title}纪要`,
      text: closed.minutes!,
      classification: closed.classification,
      organiserDivisionId: closed.organiserDivisionId,
      publishedByStaffId: viewer.sub,
      absentDivisionIds: absent,
      readingDueAt: iso(addWorkingDays(settings.calendar, now, settings.minutesReadingDays)),
      publishedAt: iso(now),
    },
    { subject: meetingId },
  );
  return closed;
}

export async function removeAgendaItem(
  write: InteractionWrite,
  viewer: HeliClaims,
  meetingId: string,
  itemId: string,
): Promise<MeetingRecord> {
  const meeting = await visibleMeeting(write, viewer, meetingId);
  if (!canOrganise(viewer, meeting)) throw forbidden('只有会议主持人、安排人和厅领导可以安排议题');
  requireScheduled(meeting);
  if (!meeting.agenda.some((item) => item._id === itemId)) throw notFound(`议题 ${itemId}`);
  const updated = await write.models.meetings
    .findOneAndUpdate(
      { _id: meetingId, status: 'SCHEDULED' },
      { $pull: { agenda: { _id: itemId } } },
      { new: true, session: write.session },
    )
    .lean<MeetingRecord>();
  if (!updated) throw conflict('会议已结束，不能再更改');
  return updated;
}
