import type { ResponsibilityContext, ResponsibilityResolvers } from '../context.js';

export const viewerResolvers: ResponsibilityResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: ResponsibilityContext) =>
      ctx.loaders.staff.load(ctx.viewer.sub),
  },
};
