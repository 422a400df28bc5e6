import type { Classification } from '@heli/auth';
import { assignmentEvents } from '@heli/event-contracts';
import { badInput, conflict, notFound, rejectProblems, textProblem } from '@heli/subgraph-runtime';
import { normalizeText } from '../organisation/text-field.rules.js';
import { firstReportDue, type ReportFrequency } from '../progress-reports/report-schedule.rules.js';
import { newRecordId } from '../records/record-id.js';
import type { DivisionRecord } from '../divisions/divisions.model.js';
import type { StaffRecord } from '../staff/staff.model.js';
import { actorData, assignmentCreatedData, assignmentRef } from './assignments.events.js';
import {
  LONG_TEXT_MAX,
  longTextProblem,
  newMatterProblems,
  priorityRank,
  type AssignmentPriority,
} from './assignment-fields.rules.js';
import {
  isOpen,
  splitStatusProblem,
  transition,
  type AssignmentAction,
} from './assignment-lifecycle.rules.js';
import type { AssignmentRecord, AssignmentSource } from './assignment.model.js';
import type { MatterWrite } from './matter-write.js';
import { openSubMatterCount } from './progress-rollup.rules.js';
import { matterSearchTerms } from './assignment-search.js';

/** Who does something, and when (the service's clock). */
export interface Actor {
  staffId: string;
  at: Date;
}

export interface NewMatter {
  title: string;
  requirements: string;
  classification: Classification;
  leadDivisionId: string;
  coDivisionIds: string[];
  responsibleStaffIds: string[];
  deadline: Date;
  priority: AssignmentPriority;
  reportFrequency: ReportFrequency;
}

export interface MatterOrigin {
  source: AssignmentSource;
  sourceRef: string | null;
  parentId: string | null;
}

/** Creates a matter in ASSIGNED and announces it; every route to a new matter comes here. */
export async function createAssignment(
  write: MatterWrite,
  matter: NewMatter,
  origin: MatterOrigin,
  actor: Actor,
  id: string = newRecordId('assignment'),
): Promise<AssignmentRecord> {
  const title = normalizeText(matter.title);
  const requirements = normalizeText(matter.requirements);
  rejectProblems(newMatterProblems({ ...matter, title, requirements }, actor.at));
  await checkParticipants(write, matter);

  const record: AssignmentRecord = {
    _id: id,
    parentId: origin.parentId,
    title,
    requirements,
    source: origin.source,
    sourceRef: origin.sourceRef,
    classification: matter.classification,
    leadDivisionId: matter.leadDivisionId,
    coDivisionIds: [...new Set(matter.coDivisionIds)],
    responsibleStaffIds: [...new Set(matter.responsibleStaffIds)],
    assignedByStaffId: actor.staffId,
    deadline: matter.deadline,
    priority: matter.priority,
    priorityRank: priorityRank(matter.priority),
    status: 'ASSIGNED',
    version: 1,
    history: [
      {
        action: 'ASSIGN',
        from: null,
        to: 'ASSIGNED',
        byStaffId: actor.staffId,
        at: actor.at,
        note: null,
      },
    ],
    reportFrequency: matter.reportFrequency,
    nextReportDueAt: firstReportDue(matter.reportFrequency, actor.at),
    reportedPercent: 0,
    latestProgressReportId: null,
    result: null,
    completedAt: null,
    completedOnTime: null,
    overdueSince: null,
    escalationLevel: null,
    escalatedAt: null,
    deadlineReminderFor: null,
    reportReminderFor: null,
    createdAt: actor.at,
    updatedAt: actor.at,
  };
  record.searchTerms = matterSearchTerms(record);
  await write.models.assignments.create([record], { session: write.session });
  await write.emit(assignmentEvents.assignmentCreated, assignmentCreatedData(record), {
    subject: id,
  });
  return record;
}

/**
 * The divisions must exist; responsible staff must still work here, in the lead or a
 * co-organising division.
 */
async function checkParticipants(write: MatterWrite, matter: NewMatter): Promise<void> {
  const divisionIds = [matter.leadDivisionId, ...matter.coDivisionIds];
  const divisions = await write.models.divisions
    .find({ _id: { $in: divisionIds } }, { _id: 1 })
    .session(write.session)
    .lean<Pick<DivisionRecord, '_id'>[]>();
  const known = new Set(divisions.map((division) => division._id));
  const staff = await write.models.staff
    .find(
      { _id: { $in: matter.responsibleStaffIds } },
      { _id: 1, name: 1, divisionId: 1, active: 1 },
    )
    .session(write.session)
    .lean<Pick<StaffRecord, '_id' | 'name' | 'divisionId' | 'active'>[]>();
  const byId = new Map(staff.map((person) => [person._id, person]));
  rejectProblems([
    ...divisionIds.filter((id) => !known.has(id)).map((id) => `找不到处室“${id}”`),
    ...matter.responsibleStaffIds.map((id) => {
      const person = byId.get(id);
      if (!person) return `找不到工作人员“${id}”`;
      if (!person.active) return `${person.name}已离职，不能作为责任人`;
      return person.divisionId !== null && divisionIds.includes(person.divisionId)
        ? null
        : `${person.name}不在主办或协办处室，不能作为责任人`;
    }),
  ]);
}

export interface TransitionRequest {
  id: string;
  action: AssignmentAction;
  actor: Actor;
  /** The version the caller saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null;
  note?: string | null;
  /** Further fields the transition sets, computed from the matter as it was. */
  changes?: (before: AssignmentRecord) => Partial<AssignmentRecord>;
}

/**
 * Moves a matter one step along its lifecycle and records who did it and when. The update only
 * applies to the version and status it read, so of two concurrent transitions exactly one wins;
 * the other gets a CONFLICT (or, once it sees the new status, an illegal transition) and changes
 * nothing.
 */
export async function transitionAssignment(
  write: MatterWrite,
  { id, action, actor, expectedVersion, note = null, changes }: TransitionRequest,
): Promise<{ before: AssignmentRecord; after: AssignmentRecord }> {
  const before = await findMatter(write, id);
  if (
    expectedVersion !== undefined &&
    expectedVersion !== null &&
    expectedVersion !== before.version
  ) {
    throw staleVersion(before.version, expectedVersion);
  }
  const to = transition(before.status, action);
  const after = await write.models.assignments
    .findOneAndUpdate(
      { _id: id, version: before.version, status: before.status },
      {
        $set: { ...changes?.(before), status: to, updatedAt: actor.at },
        $inc: { version: 1 },
        $push: {
          history: {
            action,
            from: before.status,
            to,
            byStaffId: actor.staffId,
            at: actor.at,
            note,
          },
        },
      },
      { new: true, session: write.session },
    )
    .lean<AssignmentRecord>();
  if (!after) throw conflict('事项刚被他人更新，请刷新后重试');
  return { before, after };
}

export async function findMatter(write: MatterWrite, id: string): Promise<AssignmentRecord> {
  const matter = await write.models.assignments
    .findById(id)
    .session(write.session)
    .lean<AssignmentRecord>();
  if (!matter) throw notFound(`交办事项“${id}”`);
  return matter;
}

function staleVersion(current: number, expected: number) {
  return conflict(
    `事项已被他人更新（当前版本 ${current}，你看到的是版本 ${expected}），请刷新后重试`,
  );
}

export async function acceptAssignment(
  write: MatterWrite,
  request: Omit<TransitionRequest, 'action' | 'changes'>,
): Promise<AssignmentRecord> {
  rejectProblems([longTextProblem('签收意见', request.note ?? '')]);
  const { after } = await transitionAssignment(write, { ...request, action: 'ACCEPT' });
  await write.emit(
    assignmentEvents.assignmentAccepted,
    { ...assignmentRef(after), ...actorData(request.actor) },
    { subject: after._id },
  );
  return after;
}

/** 报送办理结果: the whole matter's result, so every sub-matter must be finished first. */
export async function submitAssignmentResult(
  write: MatterWrite,
  request: Omit<TransitionRequest, 'action' | 'changes' | 'note'> & { result: string },
): Promise<AssignmentRecord> {
  const text = normalizeText(request.result);
  rejectProblems([textProblem('办理结果', text, LONG_TEXT_MAX)]);
  const children = await write.models.assignments
    .find({ parentId: request.id }, { status: 1, reportedPercent: 1 })
    .session(write.session)
    .lean<AssignmentRecord[]>();
  const open = openSubMatterCount(children);
  if (open > 0) throw badInput(`还有 ${open} 项协办子事项未办结，不能报送办理结果`);
  const { after } = await transitionAssignment(write, {
    ...request,
    action: 'SUBMIT_RESULT',
    changes: () => ({
      result: { text, submittedAt: request.actor.at, submittedByStaffId: request.actor.staffId },
    }),
  });
  await write.emit(
    assignmentEvents.assignmentResultSubmitted,
    { ...assignmentRef(after), ...actorData(request.actor) },
    { subject: after._id },
  );
  return after;
}

/** 确认办结: on time when the accepted result was submitted by the deadline. */
export async function completeAssignment(
  write: MatterWrite,
  request: Omit<TransitionRequest, 'action' | 'changes'>,
): Promise<AssignmentRecord> {
  rejectProblems([longTextProblem('意见', request.note ?? '')]);
  const { after } = await transitionAssignment(write, {
    ...request,
    action: 'COMPLETE',
    changes: (before) => ({
      completedAt: request.actor.at,
      completedOnTime: before.result!.submittedAt.getTime() <= before.deadline.getTime(),
      reportedPercent: 100,
      nextReportDueAt: null,
    }),
  });
  await write.emit(
    assignmentEvents.assignmentCompleted,
    {
      ...assignmentRef(after),
      ...actorData(request.actor),
      completedAt: request.actor.at.toISOString(),
      onTime: after.completedOnTime!,
    },
    { subject: after._id },
  );
  return after;
}

/** 退回重办: the reason is required, it is what the division has to fix. */
export async function returnAssignment(
  write: MatterWrite,
  request: Omit<TransitionRequest, 'action' | 'changes' | 'note'> & { reason: string },
): Promise<AssignmentRecord> {
  const reason = requiredReason('退回理由', request.reason);
  const { after } = await transitionAssignment(write, {
    ...request,
    action: 'RETURN',
    note: reason,
  });
  await write.emit(
    assignmentEvents.assignmentReturned,
    { ...assignmentRef(after), ...actorData(request.actor), reason },
    { subject: after._id },
  );
  return after;
}

/** 撤销: cancels the matter and, with it, every sub-matter still under way. */
export async function cancelAssignment(
  write: MatterWrite,
  request: Omit<TransitionRequest, 'action' | 'changes' | 'note'> & { reason: string },
): Promise<AssignmentRecord> {
  const reason = requiredReason('撤销理由', request.reason);
  const cancel = async (id: string, note: string, expectedVersion?: number | null) => {
    const { after } = await transitionAssignment(write, {
      id,
      actor: request.actor,
      expectedVersion,
      action: 'CANCEL',
      note,
      changes: () => ({ nextReportDueAt: null }),
    });
    await write.emit(
      assignmentEvents.assignmentCancelled,
      { ...assignmentRef(after), ...actorData(request.actor), reason: note },
      { subject: id },
    );
    return after;
  };
  const after = await cancel(request.id, reason, request.expectedVersion);
  const children = await write.models.assignments
    .find({ parentId: request.id }, { _id: 1, status: 1 })
    .session(write.session)
    .lean<Pick<AssignmentRecord, '_id' | 'status'>[]>();
  for (const child of children.filter((c) => isOpen(c.status))) {
    await cancel(child._id, `主事项已撤销：${reason}`);
  }
  return after;
}

function requiredReason(label: string, value: string): string {
  const text = normalizeText(value);
  rejectProblems([textProblem(label, text, LONG_TEXT_MAX)]);
  return text;
}

export interface NewSubMatter {
  leadDivisionId: string;
  title: string;
  requirements: string;
  responsibleStaffIds: string[];
  deadline: Date;
}

/**
 * Splits a sub-matter off for one of the parent's co-organisers. It keeps the parent's
 * classification, source and priority, and must be due no later than the parent.
 */
export async function createSubAssignment(
  write: MatterWrite,
  parentId: string,
  sub: NewSubMatter,
  actor: Actor,
  id: string = newRecordId('assignment'),
): Promise<AssignmentRecord> {
  const parent = await findMatter(write, parentId);
  rejectProblems([
    parent.parentId !== null ? '子事项不能再拆分' : null,
    splitStatusProblem(parent.status),
    parent.coDivisionIds.includes(sub.leadDivisionId) ? null : '子事项只能交给本事项的协办处室',
    sub.deadline.getTime() > parent.deadline.getTime() ? '子事项的时限不能晚于主事项' : null,
  ]);
  return createAssignment(
    write,
    {
      ...sub,
      classification: parent.classification,
      coDivisionIds: [],
      priority: parent.priority,
      reportFrequency: parent.reportFrequency,
    },
    { source: parent.source, sourceRef: null, parentId: parent._id },
    actor,
    id,
  );
}

/** Sets how often progress is reported; the next report falls due one period from now. */
export async function setReportSchedule(
  write: MatterWrite,
  id: string,
  frequency: ReportFrequency,
  actor: Actor,
): Promise<AssignmentRecord> {
  const matter = await findMatter(write, id);
  if (!isOpen(matter.status)) throw badInput('事项已结束，不能再设置汇报频次');
  const after = await write.models.assignments
    .findOneAndUpdate(
      { _id: id },
      {
        $set: {
          reportFrequency: frequency,
          nextReportDueAt: firstReportDue(frequency, actor.at),
          updatedAt: actor.at,
        },
      },
      { new: true, session: write.session },
    )
    .lean<AssignmentRecord>();
  return after!;
}
