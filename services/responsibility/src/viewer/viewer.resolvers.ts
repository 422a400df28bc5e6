import type { ResponsibilityResolvers } from '../context.js';

export const viewerResolvers: ResponsibilityResolvers = {
  Query: {
    me: (_, __, ctx) => ctx.loaders.staff.load(ctx.viewer.sub),
  },
};
