import { canRead, isOfficeLeader, type Classification, type HeliClaims } from '@heli/auth';
import { coordinationEvents } from '@heli/event-contracts';
import { conflict, forbidden, notFound, rejectProblems, textProblem } from '@heli/subgraph-runtime';
import { visibleMeeting } from '../meetings/meetings.commands.js';
import { canOrganise } from '../meetings/meetings.rules.js';
import { requireKeyWorkItems, requirePartnerOffices } from './coordination-links.js';
import { requireKnown } from '../organisation/known-organisation.js';
import { newEntityId } from '../records/entity-id.js';
import type { InteractionWrite } from '../records/interaction-write.js';
import type { KeyWorkItemRecord, PartnerTaskRecord } from './coordination.model.js';
import {
  canReportOnPartnerTask,
  keyWorkItemProblems,
  partnerTaskProblems,
  partnerTaskVisibilityFilter,
  statusAfterReport,
  type KeyWorkItemDraft,
  type PartnerTaskDraft,
} from './coordination.rules.js';

const iso = (time: Date) => time.toISOString();

export interface KeyWorkItemInput extends KeyWorkItemDraft {
  officeId: string | null;
  classification: Classification;
}

/** 统筹安排: office leadership puts a key work item — its own or a partner's — into a month. */
export async function addKeyWorkItem(
  write: InteractionWrite,
  viewer: HeliClaims,
  input: KeyWorkItemInput,
  now: Date,
): Promise<KeyWorkItemRecord> {
  if (!isOfficeLeader(viewer)) throw forbidden('只有厅领导可以调整统筹安排');
  rejectProblems([
    ...keyWorkItemProblems(input),
    canRead(viewer.clearance, input.classification) ? null : '密级不能高于本人的密级',
  ]);
  if (input.officeId !== null) {
    await requirePartnerOffices(write.models, write.session, [input.officeId]);
  }
  const item: KeyWorkItemRecord = {
    _id: newEntityId('keywork'),
    month: input.month,
    title: input.title.trim(),
    description: input.description.trim(),
    officeId: input.officeId,
    classification: input.classification,
    addedByStaffId: viewer.sub,
    addedAt: now,
  };
  await write.models.keyWorkItems.create([item], { session: write.session });
  return item;
}

export interface PartnerTaskInput extends PartnerTaskDraft {
  partnerOfficeId: string;
  leadStaffId: string;
  coDivisionIds: string[];
  keyWorkItemId: string | null;
}

/**
 * A task agreed at an open 横向协调会 with one of its partner offices, led by that office's liaison.
 * The meeting is written conditional on it still being open, in the transaction that stores the
 * task, so a task is never agreed at a meeting closed meanwhile.
 */
export async function agreePartnerTask(
  write: InteractionWrite,
  viewer: HeliClaims,
  meetingId: string,
  input: PartnerTaskInput,
  now: Date,
): Promise<PartnerTaskRecord> {
  const meeting = await visibleMeeting(write, viewer, meetingId);
  if (!canOrganise(viewer, meeting)) {
    throw forbidden('只有会议主持人、安排人和厅领导可以议定协作事项');
  }
  if (meeting.status !== 'SCHEDULED') throw conflict('会议已结束，不能再更改');
  rejectProblems([
    meeting.kind === 'COORDINATION' ? null : '只有横向协调会可以议定协作事项',
    ...partnerTaskProblems(input, now),
    (meeting.partnerOfficeIds ?? []).includes(input.partnerOfficeId)
      ? null
      : `${input.partnerOfficeId} 不是本次协调会的协作单位`,
  ]);
  await requireKnown(write.models, write.session, {
    divisionIds: input.coDivisionIds,
    staffIds: [input.leadStaffId],
  });
  const lead = await write.models.directoryStaff
    .findById(input.leadStaffId)
    .session(write.session)
    .lean();
  if (lead?.officeId !== input.partnerOfficeId) {
    rejectProblems([`牵头人须为该协作单位的联络人，${input.leadStaffId} 不是`]);
  }
  if (input.keyWorkItemId !== null) {
    await requireKeyWorkItems(write.models, write.session, viewer, [input.keyWorkItemId]);
  }
  const task: PartnerTaskRecord = {
    _id: newEntityId('partner-task'),
    meetingId,
    organiserDivisionId: meeting.organiserDivisionId,
    title: input.title.trim(),
    requirements: input.requirements.trim(),
    classification: meeting.classification,
    partnerOfficeId: input.partnerOfficeId,
    leadStaffId: input.leadStaffId,
    coDivisionIds: [...new Set(input.coDivisionIds)],
    deadline: input.deadline,
    keyWorkItemId: input.keyWorkItemId,
    status: 'AGREED',
    progress: [],
    agreedByStaffId: viewer.sub,
    agreedAt: now,
    completedAt: null,
  };
  const stillOpen = await write.models.meetings.updateOne(
    { _id: meetingId, status: 'SCHEDULED' },
    { $push: { partnerTaskIds: task._id } },
    { session: write.session },
  );
  if (stillOpen.matchedCount === 0) throw conflict('会议已结束，不能再更改');
  await write.models.partnerTasks.create([task], { session: write.session });
  write.emit(
    coordinationEvents.partnerTaskAgreed,
    {
      taskId: task._id,
      meetingId,
      title: task.title,
      classification: task.classification,
      partnerOfficeId: task.partnerOfficeId,
      leadStaffId: task.leadStaffId,
      coDivisionIds: task.coDivisionIds,
      deadline: iso(task.deadline),
      keyWorkItemId: task.keyWorkItemId,
      agreedByStaffId: viewer.sub,
      agreedAt: iso(now),
    },
    { subject: task._id },
  );
  return task;
}

/**
 * 进展报送: the partner's liaison (or the office) reports on a task; `completes` closes it. The
 * write is conditional on the task not being completed, so a task completes once.
 */
export async function reportPartnerTask(
  write: InteractionWrite,
  viewer: HeliClaims,
  taskId: string,
  note: string,
  completes: boolean,
  now: Date,
): Promise<PartnerTaskRecord> {
  const task = await write.models.partnerTasks
    .findOne({ $and: [{ _id: taskId }, partnerTaskVisibilityFilter(viewer)] })
    .session(write.session)
    .lean<PartnerTaskRecord>();
  if (!task) throw notFound(`协作事项 ${taskId}`);
  if (!canReportOnPartnerTask(viewer, task)) {
    throw forbidden('只有牵头联络人、承办处室处长和厅领导可以报送进展');
  }
  const next = statusAfterReport(task.status, completes);
  if ('problem' in next) throw conflict(next.problem);
  rejectProblems([textProblem('进展情况', note, 1_000)]);
  const updated = await write.models.partnerTasks
    .findOneAndUpdate(
      { _id: taskId, status: { $ne: 'COMPLETED' } },
      {
        $set: { status: next.status, ...(completes ? { completedAt: now } : {}) },
        $push: { progress: { staffId: viewer.sub, note: note.trim(), at: now } },
      },
      { new: true, session: write.session },
    )
    .lean<PartnerTaskRecord>();
  if (!updated) throw conflict('该协作事项已办结，不能再报送进展');
  if (completes) {
    write.emit(
      coordinationEvents.partnerTaskCompleted,
      {
        taskId,
        meetingId: updated.meetingId,
        title: updated.title,
        partnerOfficeId: updated.partnerOfficeId,
        leadStaffId: updated.leadStaffId,
        coDivisionIds: updated.coDivisionIds,
        deadline: iso(updated.deadline),
        onTime: now.getTime() <= updated.deadline.getTime(),
        completedByStaffId: viewer.sub,
        completedAt: iso(now),
      },
      { subject: taskId },
    );
  }
  return updated;
}
