import { isOfficeLeader } from '@heli/auth';
import { forbidden, notFound, paginate } from '@heli/subgraph-runtime';
import { loadVisibleMatter } from '../assignments/assignment-access.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import { writeMatters } from '../assignments/matter-write.js';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import type { PageArgs } from '../organisation/lists.js';
import type { ServiceOptions } from '../service-options.js';
import {
  assignDifficultyResolver,
  raiseDifficulty,
  resolveDifficulty,
  type RaiseDifficultyInput,
} from './difficulties.commands.js';
import {
  canResolve,
  difficultyVisibilityFilter,
  type DifficultyStatus,
} from './difficulties.rules.js';
import type { DifficultyRecord } from './difficulty.model.js';

interface DifficultyListArgs extends PageArgs {
  status?: DifficultyStatus[] | null;
  divisionId?: string | null;
  assignmentId?: string | null;
}

async function loadVisibleDifficulty(
  ctx: ResponsibilityContext,
  id: string,
): Promise<DifficultyRecord> {
  const difficulty = await ctx.models.difficulties
    .findOne({ $and: [difficultyVisibilityFilter(ctx.viewer), { _id: id }] })
    .lean<DifficultyRecord>();
  if (!difficulty) throw notFound(`Difficulty ${id}`);
  return difficulty;
}

export function difficultiesResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  const actorOf = (ctx: ResponsibilityContext) => ({ staffId: ctx.viewer.sub, at: clock.now() });

  return {
    Query: {
      difficulties: (_: unknown, args: DifficultyListArgs, ctx: ResponsibilityContext) =>
        paginate(
          ctx.models.difficulties,
          {
            $and: [
              difficultyVisibilityFilter(ctx.viewer),
              {
                ...(args.status?.length ? { status: { $in: args.status } } : {}),
                ...(args.divisionId ? { divisionId: args.divisionId } : {}),
                ...(args.assignmentId ? { assignmentId: args.assignmentId } : {}),
              },
            ],
          },
          { first: args.first, after: args.after, sort: { field: 'raisedAt' } },
        ),
      difficulty: async (_: unknown, { id }: { id: string }, ctx: ResponsibilityContext) =>
        ctx.models.difficulties
          .findOne({ $and: [difficultyVisibilityFilter(ctx.viewer), { _id: id }] })
          .lean<DifficultyRecord>(),
    },

    Mutation: {
      raiseDifficulty: async (
        _: unknown,
        { input }: { input: RaiseDifficultyInput & { assignmentId?: string | null } },
        ctx: ResponsibilityContext,
      ) => {
        const matter = input.assignmentId ? await loadVisibleMatter(ctx, input.assignmentId) : null;
        return writeMatters(ctx, (write) =>
          raiseDifficulty(write, ctx.viewer, input, matter, actorOf(ctx)),
        );
      },
      assignDifficultyResolver: async (
        _: unknown,
        { input }: { input: { id: string; resolverStaffId: string } },
        ctx: ResponsibilityContext,
      ) => {
        await loadVisibleDifficulty(ctx, input.id);
        if (!isOfficeLeader(ctx.viewer)) throw forbidden('只有厅领导可以指派困难的协调人');
        return writeMatters(ctx, (write) =>
          assignDifficultyResolver(write, input.id, input.resolverStaffId, actorOf(ctx)),
        );
      },
      resolveDifficulty: async (
        _: unknown,
        { input }: { input: { id: string; resolution: string } },
        ctx: ResponsibilityContext,
      ) => {
        const difficulty = await loadVisibleDifficulty(ctx, input.id);
        if (!canResolve(ctx.viewer, difficulty)) {
          throw forbidden('只有厅领导或被指派的协调人可以记录解决情况');
        }
        return writeMatters(ctx, (write) =>
          resolveDifficulty(write, input.id, input.resolution, actorOf(ctx)),
        );
      },
    },

    Difficulty: {
      id: (difficulty: DifficultyRecord) => difficulty._id,
      division: (difficulty: DifficultyRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.division.load(difficulty.divisionId),
      assignment: (difficulty: DifficultyRecord, _: unknown, ctx: ResponsibilityContext) =>
        difficulty.assignmentId === null
          ? null
          : ctx.loaders.assignment.load(difficulty.assignmentId),
      raisedBy: (difficulty: DifficultyRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.staff.load(difficulty.raisedByStaffId),
      resolver: (difficulty: DifficultyRecord, _: unknown, ctx: ResponsibilityContext) =>
        difficulty.resolverStaffId === null
          ? null
          : ctx.loaders.staff.load(difficulty.resolverStaffId),
      resolvedBy: (difficulty: DifficultyRecord, _: unknown, ctx: ResponsibilityContext) =>
        difficulty.resolvedByStaffId === null
          ? null
          : ctx.loaders.staff.load(difficulty.resolvedByStaffId),
    },

    Assignment: {
      difficulties: (matter: AssignmentRecord, _: unknown, ctx: ResponsibilityContext) =>
        ctx.loaders.difficultiesOfAssignment.load(matter._id),
    },
  };
}
