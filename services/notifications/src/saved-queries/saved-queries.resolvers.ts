import { paginate } from '@heli/subgraph-runtime';
import type { NotificationsResolvers } from '../context.js';
import type { SavedQueryRecord } from './saved-query.model.js';
import { deleteSavedQuery, saveQuery, updateSavedQuery } from './saved-queries.commands.js';
import { canSee, visibleFilter } from './saved-queries.rules.js';

export const savedQueriesResolvers: NotificationsResolvers = {
  Query: {
    savedQueries: (_parent, { first, after, mineOnly }, ctx, info) =>
      paginate(
        ctx.models.savedQueries,
        visibleFilter(ctx.viewer, mineOnly ?? false),
        { first, after, sort: { field: 'updatedAt', direction: 'DESC' } },
        info,
      ),
    savedQuery: async (_parent, { id }, ctx) => {
      const query = await ctx.models.savedQueries.findById(id).lean<SavedQueryRecord>();
      return query && canSee(ctx.viewer, query) ? query : null;
    },
  },

  SavedQuery: {
    id: (query) => query._id,
    mine: (query, _args, ctx) => query.ownerStaffId === ctx.viewer.sub,
  },

  Mutation: {
    saveQuery: (_parent, { input }, ctx) =>
      saveQuery(ctx.models.savedQueries, ctx.viewer, input, new Date()),
    updateSavedQuery: (_parent, { id, input }, ctx) =>
      updateSavedQuery(ctx.models.savedQueries, ctx.viewer, id, input, new Date()),
    deleteSavedQuery: (_parent, { id }, ctx) =>
      deleteSavedQuery(ctx.models.savedQueries, ctx.viewer, id),
  },
};
