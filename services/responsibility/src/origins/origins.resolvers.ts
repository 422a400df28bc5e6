import type { ResponsibilityResolvers } from '../context.js';

/**
 * The links between a matter and the instruction it was made of. Responsibility keeps the link
 * (a matter's source and sourceRef) and hands sharing only the instruction's id; sharing decides
 * whether the caller may see the instruction, and this subgraph whether they may see the matter.
 */
export const originsResolvers: ResponsibilityResolvers = {
  Instruction: {
    __resolveReference: ({ id }) => ({ id }),
    assignment: async ({ id }, _, ctx) => {
      const [matter] = await ctx.loaders.mattersFromInstruction.load(id);
      return matter ?? null;
    },
  },
  Assignment: {
    instruction: (matter) =>
      matter.source === 'INSTRUCTION' && matter.sourceRef ? { id: matter.sourceRef } : null,
  },
};
