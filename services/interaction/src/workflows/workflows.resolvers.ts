import { isOfficeLeader, type HeliClaims } from '@heli/auth';
import {
  DEFAULT_PAGE_SIZE,
  forbidden,
  notFound,
  paginate,
  toConnection,
  wantsCount,
  type ConnectionPage,
  type CountChoice,
  type LeanNode,
} from '@heli/subgraph-runtime';
import type { InteractionResolvers } from '../context.js';
import type { InteractionDependencies } from '../dependencies.js';
import type { InteractionModels } from '../models.js';
import { writeInteraction } from '../records/interaction-write.js';
import {
  claimStep,
  completeStep,
  delegateStep,
  latestTemplate,
  returnStep,
  saveTemplate,
  startCase,
  templateId,
} from './workflow.commands.js';
import type { StepRecord, TemplateRecord } from './workflow.model.js';
import { divisionWaitingKey, processFigures, staffWaitingKey } from './workflow.rules.js';

const ref = (id: string) => ({ id });

/** The condition for a person's open steps: theirs (claimed by or handed to them), or unclaimed in their division. */
export function openStepsOf(viewer: HeliClaims): Record<string, unknown> {
  const keys = [staffWaitingKey(viewer.sub)];
  if (viewer.divisionId !== null) keys.push(divisionWaitingKey(viewer.divisionId));
  return { waitingOn: { $in: keys } };
}

/**
 * The viewer's open steps, due first: theirs (claimed by or handed to them), or unclaimed in
 * their division. Each of the two to-do lists is one keyset page read from the (waitingOn, dueAt,
 * _id) index in due order, so it stops after a page however many steps are waiting; the two are
 * merged here, and a cursor from the merged page continues both.
 */
export async function myWorkflowSteps(
  ctx: { models: InteractionModels; viewer: HeliClaims },
  page: { first?: number | null; after?: string | null },
  count: CountChoice,
): Promise<ConnectionPage<LeanNode<StepRecord>>> {
  const { viewer } = ctx;
  const keys = [staffWaitingKey(viewer.sub)];
  if (viewer.divisionId !== null) keys.push(divisionWaitingKey(viewer.divisionId));
  const request = {
    first: page.first ?? undefined,
    after: page.after ?? undefined,
    sort: { field: 'dueAt', direction: 'ASC' as const },
  };
  const [lists, totalCount] = await Promise.all([
    Promise.all(
      keys.map((waitingOn) =>
        paginate(ctx.models.steps, { waitingOn }, request, { countTotal: false }),
      ),
    ),
    wantsCount(count) ? ctx.models.steps.countDocuments({ waitingOn: { $in: keys } }) : undefined,
  ]);
  const size = page.first ?? DEFAULT_PAGE_SIZE;
  const merged = lists
    .flatMap((list) => list.edges.map((edge) => edge.node))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a._id < b._id ? -1 : 1));
  const connection = toConnection(merged.slice(0, size), {
    size,
    field: 'dueAt',
    afterCursor: page.after !== undefined && page.after !== null,
    totalCount,
  });
  connection.pageInfo.hasNextPage =
    merged.length > size || lists.some((list) => list.pageInfo.hasNextPage);
  return connection;
}

export function workflowsResolvers({
  clock,
  calendar,
}: InteractionDependencies): InteractionResolvers {
  return {
    Query: {
      myWorkflowSteps: (_, args, ctx, info) => myWorkflowSteps(ctx, args, info),
      workflowTemplates: async (_, __, ctx) => {
        const keys: string[] = await ctx.models.templates.distinct('key');
        const latest = await Promise.all(keys.sort().map((key) => latestTemplate(ctx, key)));
        return latest.filter((t): t is TemplateRecord => t !== null);
      },
      workflowTemplate: (_, { key, version }, ctx) =>
        version
          ? ctx.models.templates.findById(templateId(key, version)).lean<TemplateRecord>().exec()
          : latestTemplate(ctx, key),
      workflowCase: (_, { id }, ctx) => ctx.loaders.visibleCase.load(id),
      workflowFigures: async (_, { templateKey, from, to }, ctx) => {
        if (!isOfficeLeader(ctx.viewer) && !ctx.viewer.roles.includes('ASSESSOR')) {
          throw forbidden('只有厅领导和考核人员可以查看过程控制数据');
        }
        const template = await latestTemplate(ctx, templateKey);
        if (!template) throw notFound(`工作流程 ${templateKey}`);
        const done = await ctx.models.steps
          .find(
            { templateKey, completedAt: { $gte: from, $lt: to }, status: 'DONE' },
            { stepKey: 1, startedAt: 1, completedAt: 1, onTime: 1 },
          )
          .lean<StepRecord[]>();
        return template.steps.map((step) => ({
          stepKey: step.key,
          name: step.name,
          ...processFigures(
            done
              .filter((d) => d.stepKey === step.key)
              .map((d) => ({
                durationMs: d.completedAt!.getTime() - d.startedAt.getTime(),
                onTime: d.onTime === true,
              })),
          ),
        }));
      },
    },

    Mutation: {
      saveWorkflowTemplate: (_, { input }, ctx) =>
        writeInteraction(ctx, (write) =>
          saveTemplate(
            write,
            ctx.viewer,
            {
              key: input.key,
              kind: input.kind,
              name: input.name,
              expectedVersion: input.expectedVersion ?? null,
              steps: input.steps.map((step) => ({
                key: step.key,
                name: step.name,
                responsibleDivisionId: step.responsibleDivisionId ?? null,
                responsibleRole: step.responsibleRole,
                standard: step.standard,
                quantity: step.quantity,
                timeLimit: { unit: step.timeLimit.unit, amount: step.timeLimit.amount },
                next: step.next,
              })),
            },
            clock.now(),
          ),
        ),
      startWorkflowCase: (_, { input }, ctx) =>
        writeInteraction(ctx, (write) =>
          startCase(
            write,
            ctx.viewer,
            {
              templateKey: input.templateKey,
              title: input.title,
              subject: input.subject ? { kind: input.subject.kind, id: input.subject.id } : null,
            },
            clock.now(),
            calendar,
          ),
        ),
      claimWorkflowStep: (_, { stepId }, ctx) =>
        writeInteraction(ctx, (write) => claimStep(write, ctx.viewer, stepId, clock.now())),
      completeWorkflowStep: (_, { input }, ctx) =>
        writeInteraction(ctx, (write) =>
          completeStep(
            write,
            ctx.viewer,
            {
              stepId: input.stepId,
              outputRef: input.outputRef ?? null,
              note: input.note ?? null,
              nextStepKey: input.nextStepKey ?? null,
            },
            clock.now(),
            calendar,
          ),
        ),
      returnWorkflowStep: (_, { input }, ctx) =>
        writeInteraction(ctx, (write) =>
          returnStep(write, ctx.viewer, input, clock.now(), calendar),
        ),
      delegateWorkflowStep: (_, { stepId, toStaffId, note }, ctx) =>
        writeInteraction(ctx, (write) =>
          delegateStep(write, ctx.viewer, stepId, toStaffId, note ?? null, clock.now()),
        ),
    },

    WorkflowTemplate: {
      id: (template) => template._id,
    },

    TemplateStep: {
      responsibleDivision: (step) =>
        step.responsibleDivisionId ? ref(step.responsibleDivisionId) : null,
    },

    WorkflowCase: {
      __resolveReference: ({ id }, ctx) => ctx.loaders.visibleCase.load(id),
      id: (kase) => kase._id,
      template: async (kase, _, ctx) =>
        (await ctx.loaders.workflowTemplate.load(
          templateId(kase.templateKey, kase.templateVersion),
        ))!,
      division: (kase) => ref(kase.divisionId),
      startedBy: (kase) => ref(kase.startedByStaffId),
      steps: (kase, _, ctx) => ctx.loaders.stepsOfCase.load(kase._id),
    },

    WorkflowStep: {
      id: (step) => step._id,
      case: async (step, _, ctx) => (await ctx.loaders.workflowCase.load(step.caseId))!,
      responsibleDivision: (step) => ref(step.responsibleDivisionId),
      assignee: (step) => (step.assigneeStaffId ? ref(step.assigneeStaffId) : null),
      overdue: (step) =>
        (step.status === 'OPEN' || step.status === 'CLAIMED') &&
        step.dueAt.getTime() < clock.now().getTime(),
    },

    WorkflowStepEvent: {
      staff: (entry) => ref(entry.staffId),
    },

    Staff: {
      __resolveReference: ({ id }) => ({ id }),
      workflowSteps: (staff, args, ctx, info) => {
        if (staff.id !== ctx.viewer.sub) throw forbidden('只能查看本人的待办环节');
        return ctx.loaders.ownWorkflowSteps.load({
          first: args.first ?? null,
          after: args.after ?? null,
          countTotal: wantsCount(info),
        });
      },
    },
  };
}
