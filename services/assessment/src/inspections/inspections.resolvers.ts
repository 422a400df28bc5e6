import { forbidden, notFound } from '@heli/subgraph-runtime';
import { canSeeAllScoreDetails } from '../access/assessment-access.rules.js';
import { requireAssessmentManager, requireScoreViewer } from '../access/require-access.js';
import type { AssessmentContext, AssessmentResolvers } from '../context.js';
import { formatPeriod, parsePeriod } from '../periods/period.js';
import {
  completeInspection,
  findingPoints,
  recordInspectionFinding,
  scheduleInspection,
  startSpotCheck,
  verifySpotCheck,
} from './inspections.commands.js';

async function visibleInspection(ctx: AssessmentContext, id: string) {
  const inspection = await ctx.models.inspections.findById(id).lean();
  if (inspection) requireScoreViewer(ctx.viewer, inspection.divisionId);
  return inspection;
}

export const inspectionsResolvers: AssessmentResolvers = {
  Query: {
    inspections: (_, args, ctx) => {
      // Whoever may see every division's scores sees every inspection; others their division's.
      const divisionId = canSeeAllScoreDetails(ctx.viewer)
        ? args.divisionId
        : ctx.viewer.divisionId;
      if (!divisionId && !canSeeAllScoreDetails(ctx.viewer)) {
        throw forbidden('只有处室人员可以查看本处室的检查');
      }
      if (args.divisionId && args.divisionId !== divisionId) {
        requireScoreViewer(ctx.viewer, args.divisionId);
      }
      return ctx.models.inspections
        .find({
          ...(divisionId ? { divisionId } : {}),
          ...(args.period ? { period: formatPeriod(parsePeriod(args.period)) } : {}),
          ...(args.status ? { status: args.status } : {}),
        })
        .sort({ createdAt: -1, _id: -1 })
        .lean()
        .exec();
    },
    inspection: (_, { id }, ctx) => visibleInspection(ctx, id),
    verifySpotCheck: async (_, { id }, ctx) => {
      const inspection = await visibleInspection(ctx, id);
      if (!inspection) throw notFound(`检查“${id}”`);
      return verifySpotCheck(inspection);
    },
  },

  Mutation: {
    scheduleInspection: (_, { input }, ctx) => {
      requireAssessmentManager(ctx.viewer);
      return scheduleInspection(ctx, input, ctx.viewer);
    },
    startSpotCheck: (_, { input }, ctx) => {
      requireAssessmentManager(ctx.viewer);
      return startSpotCheck(ctx, input, ctx.viewer);
    },
    recordInspectionFinding: (_, { input }, ctx) => {
      requireAssessmentManager(ctx.viewer);
      return recordInspectionFinding(ctx, input, ctx.viewer);
    },
    completeInspection: (_, { id }, ctx) => {
      requireAssessmentManager(ctx.viewer);
      return completeInspection(ctx, id, ctx.viewer);
    },
  },

  Inspection: {
    id: (inspection) => inspection._id,
    division: (inspection) => ({ id: inspection.divisionId }),
    populationSize: (inspection) => inspection.population.length,
    points: (inspection, _, ctx) => findingPoints(ctx.models, inspection),
  },

  InspectionFinding: {
    id: (finding) => finding.findingId,
    entries: (finding, _, ctx) =>
      ctx.models.scoreEntries
        .find({ 'source.eventId': finding.eventId })
        .sort({ _id: 1 })
        .lean()
        .exec(),
  },
};
