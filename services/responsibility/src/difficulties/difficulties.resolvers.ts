import { isOfficeLeader } from '@heli/auth';
import { forbidden, notFound, paginate } from '@heli/subgraph-runtime';
import { loadVisibleMatter } from '../assignments/assignment-access.js';
import { writeMatters } from '../assignments/matter-write.js';
import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';
import { loadReferenced } from '../records/referenced.js';
import type { ServiceOptions } from '../service-options.js';
import {
  assignDifficultyResolver,
  raiseDifficulty,
  resolveDifficulty,
} from './difficulties.commands.js';
import { canResolve, difficultyVisibilityFilter } from './difficulties.rules.js';
import type { DifficultyRecord } from './difficulty.model.js';

async function loadVisibleDifficulty(
  ctx: ResponsibilityContext,
  id: string,
): Promise<DifficultyRecord> {
  const difficulty = await ctx.models.difficulties
    .findOne({ $and: [difficultyVisibilityFilter(ctx.viewer), { _id: id }] })
    .lean<DifficultyRecord>();
  if (!difficulty) throw notFound(`困难“${id}”`);
  return difficulty;
}

export function difficultiesResolvers({ clock }: ServiceOptions): ResponsibilityResolvers {
  const actorOf = (ctx: ResponsibilityContext) => ({ staffId: ctx.viewer.sub, at: clock.now() });

  return {
    Query: {
      difficulties: (_, args, ctx, info) =>
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
          info,
        ),
      difficulty: async (_, { id }, ctx) =>
        ctx.models.difficulties
          .findOne({ $and: [difficultyVisibilityFilter(ctx.viewer), { _id: id }] })
          .lean<DifficultyRecord>(),
    },

    Mutation: {
      raiseDifficulty: async (_, { input }, ctx) => {
        const matter = input.assignmentId ? await loadVisibleMatter(ctx, input.assignmentId) : null;
        return writeMatters(ctx, (write) =>
          raiseDifficulty(write, ctx.viewer, input, matter, actorOf(ctx)),
        );
      },
      assignDifficultyResolver: async (_, { input }, ctx) => {
        await loadVisibleDifficulty(ctx, input.id);
        if (!isOfficeLeader(ctx.viewer)) throw forbidden('只有厅领导可以指派困难的协调人');
        return writeMatters(ctx, (write) =>
          assignDifficultyResolver(write, input.id, input.resolverStaffId, actorOf(ctx)),
        );
      },
      resolveDifficulty: async (_, { input }, ctx) => {
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
      __resolveReference: ({ id }, ctx) => ctx.loaders.difficulty.load(id),
      id: (difficulty) => difficulty._id,
      division: (difficulty, _, ctx) => loadReferenced(ctx.loaders.division, difficulty.divisionId),
      assignment: (difficulty, _, ctx) =>
        difficulty.assignmentId === null
          ? null
          : ctx.loaders.assignment.load(difficulty.assignmentId),
      raisedBy: (difficulty, _, ctx) => ctx.loaders.staff.load(difficulty.raisedByStaffId),
      resolver: (difficulty, _, ctx) =>
        difficulty.resolverStaffId === null
          ? null
          : ctx.loaders.staff.load(difficulty.resolverStaffId),
      resolvedBy: (difficulty, _, ctx) =>
        difficulty.resolvedByStaffId === null
          ? null
          : ctx.loaders.staff.load(difficulty.resolvedByStaffId),
    },

    Assignment: {
      difficulties: (matter, _, ctx) => ctx.loaders.difficultiesOfAssignment.load(matter._id),
    },
  };
}
