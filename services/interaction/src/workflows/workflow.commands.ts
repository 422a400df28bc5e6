import { isOfficeLeader, type HeliClaims } from '@heli/auth';
import { interactionEvents } from '@heli/event-contracts';
import {
  conflict,
  forbidden,
  isDuplicateKeyError,
  notFound,
  rejectProblems,
  textProblem,
} from '@heli/subgraph-runtime';
import { dueTime, type WorkingCalendar } from '../calendar/working-calendar.js';
import { requireKnown } from '../organisation/known-organisation.js';
import { newEntityId } from '../records/entity-id.js';
import type { InteractionWrite } from '../records/interaction-write.js';
import type { InteractionModels } from '../models.js';
import type { ClientSession } from 'mongoose';
import type {
  CaseRecord,
  StepRecord,
  TemplateRecord,
  TemplateStep,
  WorkflowKind,
} from './workflow.model.js';
import {
  divisionWaitingKey,
  nextStepKey,
  staffWaitingKey,
  templateProblems,
} from './workflow.rules.js';

const iso = (time: Date) => time.toISOString();
export const templateId = (key: string, version: number) => `${key}@v${version}`;

/** The latest version of a template. */
export async function latestTemplate(
  scope: { models: InteractionModels; session?: ClientSession | null },
  key: string,
): Promise<TemplateRecord | null> {
  return scope.models.templates
    .findOne({ key })
    .sort({ version: -1 })
    .session(scope.session ?? null)
    .lean<TemplateRecord>();
}

/**
 * Stores a template change as a new version (office leadership only). Running cases keep the
 * version they started with; `expectedVersion` makes two editors' changes collide (CONFLICT)
 * instead of one silently replacing the other, and the unique (key, version) index holds that
 * even when both save at the same instant.
 */
export async function saveTemplate(
  write: InteractionWrite,
  viewer: HeliClaims,
  input: {
    key: string;
    kind: WorkflowKind;
    name: string;
    steps: TemplateStep[];
    expectedVersion: number | null;
  },
  now: Date,
): Promise<TemplateRecord> {
  if (!isOfficeLeader(viewer)) throw forbidden('只有厅领导可以修改工作流程');
  rejectProblems(templateProblems(input.name, input.steps));
  await requireKnown(write.models, write.session, {
    divisionIds: input.steps.flatMap((s) =>
      s.responsibleDivisionId ? [s.responsibleDivisionId] : [],
    ),
  });
  const latest = await latestTemplate(write, input.key);
  if ((latest?.version ?? null) !== input.expectedVersion) {
    throw conflict(
      `流程“${input.key}”已被他人修改（当前版本 ${latest?.version ?? '无'}），请刷新后再改`,
    );
  }
  if (latest && latest.kind !== input.kind) throw conflict('不能改变已有流程的类型');
  const version = (latest?.version ?? 0) + 1;
  const record: TemplateRecord = {
    _id: templateId(input.key, version),
    key: input.key,
    version,
    kind: input.kind,
    name: input.name.trim(),
    steps: input.steps.map((s) => ({ ...s, name: s.name.trim(), next: [...new Set(s.next)] })),
    createdByStaffId: viewer.sub,
    createdAt: now,
  };
  try {
    await write.models.templates.create([record], { session: write.session });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw conflict(`流程“${input.key}”已被他人修改，请刷新后再改`);
    throw error;
  }
  return record;
}

function newStep(
  kase: CaseRecord,
  step: TemplateStep,
  startedAt: Date,
  calendar: WorkingCalendar,
  staffId: string,
  sequence: number,
): StepRecord {
  return {
    _id: newEntityId('step'),
    caseId: kase._id,
    sequence,
    caseTitle: kase.title,
    templateKey: kase.templateKey,
    templateVersion: kase.templateVersion,
    kind: kase.kind,
    stepKey: step.key,
    name: step.name,
    responsibleDivisionId: step.responsibleDivisionId ?? kase.divisionId,
    assigneeStaffId: null,
    status: 'OPEN',
    startedAt,
    dueAt: dueTime(calendar, startedAt, step.timeLimit),
    completedAt: null,
    completedByStaffId: null,
    onTime: null,
    outputRef: null,
    note: null,
    watching: true,
    waitingOn: divisionWaitingKey(step.responsibleDivisionId ?? kase.divisionId),
    overdueAnnouncedAt: null,
    history: [{ action: 'START', staffId, at: startedAt, note: null }],
  };
}

export interface StartCaseInput {
  templateKey: string;
  title: string;
  subject: CaseRecord['subject'];
}

/** Starts a case on the template's latest version, owned by the starter's division. */
export async function startCase(
  write: InteractionWrite,
  viewer: HeliClaims,
  input: StartCaseInput,
  now: Date,
  calendar: WorkingCalendar,
): Promise<CaseRecord> {
  rejectProblems([
    textProblem('事项名称', input.title, 100),
    viewer.divisionId === null ? '只有处室工作人员可以发起流程' : null,
  ]);
  const template = await latestTemplate(write, input.templateKey);
  if (!template) throw notFound(`工作流程 ${input.templateKey}`);
  const kase: CaseRecord = {
    _id: newEntityId('case'),
    templateKey: template.key,
    templateVersion: template.version,
    kind: template.kind,
    title: input.title.trim(),
    divisionId: viewer.divisionId!,
    subject: input.subject,
    status: 'RUNNING',
    startedByStaffId: viewer.sub,
    startedAt: now,
    completedAt: null,
    overdueSteps: 0,
  };
  await write.models.cases.create([kase], { session: write.session });
  await write.models.steps.create(
    [newStep(kase, template.steps[0]!, now, calendar, viewer.sub, 1)],
    {
      session: write.session,
    },
  );
  write.emit(
    interactionEvents.workflowCaseStarted,
    {
      caseId: kase._id,
      caseTitle: kase.title,
      templateKey: kase.templateKey,
      templateVersion: kase.templateVersion,
      workflowKind: kase.kind,
      divisionId: kase.divisionId,
      startedByStaffId: viewer.sub,
      startedAt: iso(now),
    },
    { subject: kase._id },
  );
  return kase;
}

/** Who may act on a step: its responsible division's people and office leadership. */
export function canActOn(viewer: HeliClaims, step: StepRecord): boolean {
  return isOfficeLeader(viewer) || viewer.divisionId === step.responsibleDivisionId;
}

/** A step the viewer may act on, still open; NOT_FOUND for one they may not see. */
async function actionableStep(
  write: InteractionWrite,
  viewer: HeliClaims,
  stepId: string,
): Promise<StepRecord> {
  const step = await write.models.steps.findById(stepId).session(write.session).lean<StepRecord>();
  if (!step || !canActOn(viewer, step)) throw notFound(`流程环节 ${stepId}`);
  if (step.status === 'DONE' || step.status === 'RETURNED')
    throw conflict('该环节已办结，不能重复办理');
  return step;
}

/** Closes an open step with a write conditional on it still being open: of two, one wins. */
async function closeStep(
  write: InteractionWrite,
  step: StepRecord,
  set: Partial<StepRecord>,
  entry: StepRecord['history'][number],
): Promise<StepRecord> {
  const closed = await write.models.steps
    .findOneAndUpdate(
      { _id: step._id, status: { $in: ['OPEN', 'CLAIMED'] } },
      { $set: { ...set, watching: false, waitingOn: null }, $push: { history: entry } },
      { new: true, session: write.session },
    )
    .lean<StepRecord>();
  if (!closed) throw conflict('该环节已办结，不能重复办理');
  return closed;
}

async function templateOf(write: InteractionWrite, step: StepRecord): Promise<TemplateRecord> {
  const template = await write.models.templates
    .findById(templateId(step.templateKey, step.templateVersion))
    .session(write.session)
    .lean<TemplateRecord>();
  if (!template)
    throw new Error(`template ${step.templateKey}@v${step.templateVersion} is missing`);
  return template;
}

export async function claimStep(
  write: InteractionWrite,
  viewer: HeliClaims,
  stepId: string,
  now: Date,
): Promise<StepRecord> {
  await actionableStep(write, viewer, stepId);
  const claimed = await write.models.steps
    .findOneAndUpdate(
      { _id: stepId, status: 'OPEN' },
      {
        $set: {
          status: 'CLAIMED',
          assigneeStaffId: viewer.sub,
          waitingOn: staffWaitingKey(viewer.sub),
        },
        $push: { history: { action: 'CLAIM', staffId: viewer.sub, at: now, note: null } },
      },
      { new: true, session: write.session },
    )
    .lean<StepRecord>();
  if (!claimed) throw conflict('该环节已有人签收');
  return claimed;
}

export async function delegateStep(
  write: InteractionWrite,
  viewer: HeliClaims,
  stepId: string,
  toStaffId: string,
  note: string | null,
  now: Date,
): Promise<StepRecord> {
  const step = await actionableStep(write, viewer, stepId);
  rejectProblems([note === null ? null : textProblem('说明', note, 500, { required: false })]);
  await requireKnown(write.models, write.session, { staffIds: [toStaffId] });
  const delegate = await write.models.directoryStaff
    .findById(toStaffId)
    .session(write.session)
    .lean();
  if (delegate?.divisionId !== step.responsibleDivisionId) {
    throw forbidden('只能转交给本环节责任处室的工作人员');
  }
  const updated = await write.models.steps
    .findOneAndUpdate(
      { _id: stepId, status: { $in: ['OPEN', 'CLAIMED'] } },
      {
        $set: {
          status: 'CLAIMED',
          assigneeStaffId: toStaffId,
          waitingOn: staffWaitingKey(toStaffId),
        },
        $push: {
          history: {
            action: 'DELEGATE',
            staffId: viewer.sub,
            at: now,
            note: note?.trim() || `转交 ${toStaffId}`,
          },
        },
      },
      { new: true, session: write.session },
    )
    .lean<StepRecord>();
  if (!updated) throw conflict('该环节已办结，不能重复办理');
  return updated;
}

/** The next step's place in its case; the unique (caseId, sequence) index refuses a double. */
async function nextSequence(write: InteractionWrite, caseId: string): Promise<number> {
  return (await write.models.steps.countDocuments({ caseId }).session(write.session)) + 1;
}

function stepData(step: StepRecord) {
  return {
    caseId: step.caseId,
    caseTitle: step.caseTitle,
    templateKey: step.templateKey,
    templateVersion: step.templateVersion,
    workflowKind: step.kind,
    stepId: step._id,
    stepKey: step.stepKey,
    stepName: step.name,
    responsibleDivisionId: step.responsibleDivisionId,
    dueAt: iso(step.dueAt),
  };
}

/**
 * Completes a step (with its output's link and a note) and starts the next one — the only one,
 * or the one chosen where the process branches — or, after a last step, completes the case.
 * Completing a step twice is CONFLICT and changes nothing.
 */
export async function completeStep(
  write: InteractionWrite,
  viewer: HeliClaims,
  input: {
    stepId: string;
    outputRef: string | null;
    note: string | null;
    nextStepKey: string | null;
  },
  now: Date,
  calendar: WorkingCalendar,
): Promise<StepRecord> {
  const step = await actionableStep(write, viewer, input.stepId);
  const template = await templateOf(write, step);
  const definition = template.steps.find((s) => s.key === step.stepKey)!;
  const next = nextStepKey(definition, input.nextStepKey);
  rejectProblems([
    'problem' in next ? next.problem : null,
    input.note === null ? null : textProblem('办理说明', input.note, 1_000, { required: false }),
    input.outputRef === null
      ? null
      : textProblem('办理结果链接', input.outputRef, 500, { required: false }),
  ]);
  const onTime = now.getTime() <= step.dueAt.getTime();
  const done = await closeStep(
    write,
    step,
    {
      status: 'DONE',
      completedAt: now,
      completedByStaffId: viewer.sub,
      onTime,
      outputRef: input.outputRef?.trim() || null,
      note: input.note?.trim() || null,
    },
    { action: 'COMPLETE', staffId: viewer.sub, at: now, note: input.note?.trim() || null },
  );
  write.emit(
    interactionEvents.workflowStepCompleted,
    {
      ...stepData(done),
      completedByStaffId: viewer.sub,
      startedAt: iso(done.startedAt),
      completedAt: iso(now),
      onTime,
    },
    { subject: done._id },
  );
  const kase = (await write.models.cases
    .findById(step.caseId)
    .session(write.session)
    .lean<CaseRecord>())!;
  const nextKey = 'key' in next ? next.key : null;
  if (nextKey !== null) {
    const following = template.steps.find((s) => s.key === nextKey)!;
    await write.models.steps.create(
      [newStep(kase, following, now, calendar, viewer.sub, await nextSequence(write, kase._id))],
      {
        session: write.session,
      },
    );
  } else if (
    (await write.models.steps
      .countDocuments({ caseId: kase._id, status: { $in: ['OPEN', 'CLAIMED'] } })
      .session(write.session)) === 0
  ) {
    const completed = await write.models.cases
      .findOneAndUpdate(
        { _id: kase._id, status: 'RUNNING' },
        { $set: { status: 'COMPLETED', completedAt: now } },
        { new: true, session: write.session },
      )
      .lean<CaseRecord>();
    if (completed) {
      write.emit(
        interactionEvents.workflowCaseCompleted,
        {
          caseId: completed._id,
          caseTitle: completed.title,
          templateKey: completed.templateKey,
          templateVersion: completed.templateVersion,
          workflowKind: completed.kind,
          divisionId: completed.divisionId,
          completedAt: iso(now),
          overdueSteps: completed.overdueSteps,
        },
        { subject: completed._id },
      );
    }
  }
  return done;
}

/** 退回: sends the case back to an earlier step of it, with a reason; that step starts again. */
export async function returnStep(
  write: InteractionWrite,
  viewer: HeliClaims,
  input: { stepId: string; toStepKey: string; reason: string },
  now: Date,
  calendar: WorkingCalendar,
): Promise<StepRecord> {
  const step = await actionableStep(write, viewer, input.stepId);
  rejectProblems([textProblem('退回原因', input.reason, 500)]);
  const earlier = await write.models.steps
    .exists({ caseId: step.caseId, stepKey: input.toStepKey, status: 'DONE' })
    .session(write.session);
  if (!earlier) rejectProblems([`只能退回到本事项已办理过的环节，“${input.toStepKey}”不是`]);
  const template = await templateOf(write, step);
  const target = template.steps.find((s) => s.key === input.toStepKey)!;
  const returned = await closeStep(
    write,
    step,
    {
      status: 'RETURNED',
      completedAt: now,
      completedByStaffId: viewer.sub,
      note: input.reason.trim(),
    },
    { action: 'RETURN', staffId: viewer.sub, at: now, note: input.reason.trim() },
  );
  const kase = (await write.models.cases
    .findById(step.caseId)
    .session(write.session)
    .lean<CaseRecord>())!;
  await write.models.steps.create(
    [newStep(kase, target, now, calendar, viewer.sub, await nextSequence(write, kase._id))],
    {
      session: write.session,
    },
  );
  return returned;
}
