import { randomUUID } from 'node:crypto';
import type { Classification, HeliClaims } from '@heli/auth';
import { liaisonEvents } from '@heli/event-contracts';
import type { Outbox } from '@heli/event-bus';
import { conflict, forbidden, notFound, rejectProblems, textProblem } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import { canReadDocument, canSendDocuments } from '../access/liaison-access.rules.js';
import type { LiaisonModels } from '../models.js';
import { linkTo, type LiaisonSettings } from '../settings.js';
import { enqueueMessage } from '../transport/enqueue-message.js';
import type { AssignmentBody, MatterUpdateBody } from '../transport/liaison-message.js';
import { officeAssignmentProblems, withUpdate } from './matters.rules.js';
import type { OfficeAssignmentRecord, ReportFrequency } from './office-assignment.model.js';

interface Scope {
  models: LiaisonModels;
  outbox: Outbox;
  viewer: HeliClaims;
}

export const matterKeyOf = (officeAssignmentId: string) => `assignment:${officeAssignmentId}`;

const officeScope = (settings: LiaisonSettings) => ({
  officeId: settings.office.id,
  secretariatDivisionId: settings.office.secretariatDivisionId,
});

export interface AssignToOfficeInput {
  officeId: string;
  title: string;
  requirements: string;
  deadline: Date;
  reportFrequency?: ReportFrequency | null;
  classification: Classification;
}

/** 交办: a matter for a lower office, stored here and sent there in one transaction. */
export async function assignMatterToOffice(
  { models, outbox, viewer }: Scope,
  settings: LiaisonSettings,
  input: AssignToOfficeInput,
): Promise<OfficeAssignmentRecord> {
  if (!canSendDocuments(viewer, officeScope(settings))) {
    throw forbidden('只有本机关领导、管理员和秘书处人员可以向下级机关交办事项');
  }
  const now = settings.clock.now();
  const link = linkTo(settings, input.officeId);
  const title = input.title.trim();
  const requirements = input.requirements.trim();
  rejectProblems([
    ...officeAssignmentProblems({ ...input, title, requirements }, link, now),
    canReadDocument(viewer, officeScope(settings), input)
      ? null
      : '不能交办密级高于本人涉密等级的事项',
  ]);
  const id = randomUUID();
  const record: Omit<OfficeAssignmentRecord, 'createdAt' | 'updatedAt'> = {
    _id: id,
    side: 'ASSIGNED_DOWN',
    officeId: link!.officeId,
    officeName: link!.name,
    title,
    requirements,
    classification: input.classification,
    deadline: input.deadline,
    reportFrequency: input.reportFrequency ?? 'WEEKLY',
    status: 'ASSIGNED',
    assignedByStaffId: viewer.sub,
    assignedAt: now,
    localAssignmentId: null,
    acceptedByStaffId: null,
    updates: [],
  };
  const body: AssignmentBody = {
    officeAssignmentId: id,
    title,
    requirements,
    deadline: input.deadline.toISOString(),
    reportFrequency: record.reportFrequency,
    assignedAt: now.toISOString(),
  };
  return outbox.withTransaction(async ({ session }) => {
    const [created] = await models.officeAssignments.create([record], { session });
    await enqueueMessage(models, settings, session, {
      to: record.officeId,
      kind: 'ASSIGNMENT',
      matterKey: matterKeyOf(id),
      classification: record.classification,
      body,
    });
    return created!.toObject();
  });
}

/** The lower office's leadership takes the matter on with a lead division; responsibility does the rest. */
export async function acceptOfficeAssignment(
  { models, outbox, viewer }: Scope,
  settings: LiaisonSettings,
  input: { id: string; leadDivisionId: string; coDivisionIds?: readonly string[] | null },
): Promise<OfficeAssignmentRecord> {
  const scope = officeScope(settings);
  const existing = await models.officeAssignments
    .findOne({ _id: input.id, side: 'RECEIVED_FROM_HIGHER' })
    .lean();
  if (existing === null || !canReadDocument(viewer, scope, existing)) {
    throw notFound(`上级交办事项“${input.id}”`);
  }
  if (!canSendDocuments(viewer, scope)) {
    throw forbidden('只有本机关领导、管理员和秘书处人员可以承接上级交办事项');
  }
  rejectProblems([textProblem('主办处室', input.leadDivisionId, 100)]);
  const now = settings.clock.now();
  const published = {
    type: 'ACCEPTED' as const,
    at: now,
    percent: null,
    onSchedule: null,
    onTime: null,
    level: null,
  };
  return outbox.withTransaction(async ({ session, emit }) => {
    const accepted = await models.officeAssignments
      .findOneAndUpdate(
        { _id: input.id, side: 'RECEIVED_FROM_HIGHER', status: 'ASSIGNED' },
        {
          $set: { status: 'ACCEPTED', acceptedByStaffId: viewer.sub },
          // Recorded as published to the higher office, like every update sent up.
          $push: { updates: { ...published, updateId: `accepted:${input.id}` } },
        },
        { new: true, session },
      )
      .lean();
    if (accepted === null) throw conflict('该事项已经承接');
    emit(
      liaisonEvents.officeAssignmentAccepted,
      {
        officeAssignmentId: accepted._id,
        fromOfficeId: accepted.officeId,
        fromOfficeName: accepted.officeName,
        title: accepted.title,
        requirements: accepted.requirements,
        classification: accepted.classification,
        deadline: accepted.deadline.toISOString(),
        reportFrequency: accepted.reportFrequency,
        leadDivisionId: input.leadDivisionId.trim(),
        coDivisionIds: [...(input.coDivisionIds ?? [])],
        acceptedByStaffId: viewer.sub,
        acceptedAt: now.toISOString(),
      },
      { subject: accepted._id },
    );
    await enqueueMessage(models, settings, session, {
      to: accepted.officeId,
      kind: 'MATTER_UPDATE',
      matterKey: matterKeyOf(accepted._id),
      classification: 'PUBLIC',
      body: {
        officeAssignmentId: accepted._id,
        ...published,
        updateId: `accepted:${accepted._id}`,
        at: now.toISOString(),
      },
    });
    return accepted;
  });
}

/** A matter from the higher office arrives: registered here for the leadership to take on. */
export async function receiveAssignment(
  models: LiaisonModels,
  settings: LiaisonSettings,
  session: ClientSession,
  message: { from: string; classification: Classification; body: AssignmentBody },
): Promise<string | null> {
  const link = linkTo(settings, message.from)!;
  if (link.relation !== 'HIGHER') return `${link.name}不是本机关的上级机关，不能交办事项`;
  if (
    await models.officeAssignments.exists({ _id: message.body.officeAssignmentId }).session(session)
  ) {
    return null;
  }
  await models.officeAssignments.create(
    [
      {
        _id: message.body.officeAssignmentId,
        side: 'RECEIVED_FROM_HIGHER',
        officeId: link.officeId,
        officeName: link.name,
        title: message.body.title,
        requirements: message.body.requirements,
        classification: message.classification,
        deadline: new Date(message.body.deadline),
        reportFrequency: message.body.reportFrequency,
        status: 'ASSIGNED',
        assignedByStaffId: null,
        assignedAt: new Date(message.body.assignedAt),
        localAssignmentId: null,
        acceptedByStaffId: null,
        updates: [],
      },
    ],
    { session },
  );
  return null;
}

/** What the lower office published about a matter this office assigned to it. */
export async function receiveMatterUpdate(
  models: LiaisonModels,
  session: ClientSession,
  message: { from: string; body: MatterUpdateBody },
): Promise<string | null> {
  const { body } = message;
  const matter = await models.officeAssignments
    .findOne({ _id: body.officeAssignmentId, side: 'ASSIGNED_DOWN', officeId: message.from })
    .session(session)
    .lean();
  if (matter === null) return '进展所对应的交办事项不存在';
  const next = withUpdate(matter, { ...body, at: new Date(body.at) });
  if (next === null) return null;
  await models.officeAssignments.updateOne({ _id: matter._id }, { $set: next }, { session });
  return null;
}
