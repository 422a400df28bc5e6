import { forbidden, notFound } from '@heli/subgraph-runtime';
import { canSeeLeaderboard } from '../access/assessment-access.rules.js';
import { requireAssessmentManager, requireScoreViewer } from '../access/require-access.js';
import type { AssessmentContext, AssessmentResolvers } from '../context.js';
import { formatPeriod, parsePeriod } from '../periods/period.js';
import type { ScoredItem } from '../scoring-events/scorable-events.js';
import {
  completeInspection,
  findingPoints,
  recordInspectionFinding,
  scheduleInspection,
  startSpotCheck,
  verifySpotCheck,
} from './inspections.commands.js';
import type { FindingSeverity, InspectionFinding, InspectionRecord } from './inspections.model.js';

async function visibleInspection(ctx: AssessmentContext, id: string) {
  const inspection = await ctx.models.inspections.findById(id).lean();
  if (inspection) requireScoreViewer(ctx.viewer, inspection.divisionId);
  return inspection;
}

export const inspectionsResolvers: AssessmentResolvers = {
  Query: {
    inspections: (
      _: unknown,
      args: { divisionId?: string | null; period?: string | null; status?: string | null },
      ctx: AssessmentContext,
    ) => {
      // Whoever may see every division's scores sees every inspection; others their division's.
      const divisionId = canSeeLeaderboard(ctx.viewer) ? args.divisionId : ctx.viewer.divisionId;
      if (!divisionId && !canSeeLeaderboard(ctx.viewer)) {
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
    inspection: (_: unknown, { id }: { id: string }, ctx: AssessmentContext) =>
      visibleInspection(ctx, id),
    verifySpotCheck: async (_: unknown, { id }: { id: string }, ctx: AssessmentContext) => {
      const inspection = await visibleInspection(ctx, id);
      if (!inspection) throw notFound(`检查“${id}”`);
      return verifySpotCheck(inspection);
    },
  },

  Mutation: {
    scheduleInspection: (
      _: unknown,
      {
        input,
      }: { input: { divisionId: string; period: string; title: string; scheduledFor: Date } },
      ctx: AssessmentContext,
    ) => {
      requireAssessmentManager(ctx.viewer);
      return scheduleInspection(ctx, input, ctx.viewer.sub);
    },
    startSpotCheck: (
      _: unknown,
      {
        input,
      }: {
        input: {
          divisionId: string;
          period: string;
          title: string;
          sampleSize: number;
          itemKinds?: string[] | null;
          seed?: string | null;
        };
      },
      ctx: AssessmentContext,
    ) => {
      requireAssessmentManager(ctx.viewer);
      return startSpotCheck(ctx, input, ctx.viewer.sub);
    },
    recordInspectionFinding: (
      _: unknown,
      {
        input,
      }: {
        input: {
          inspectionId: string;
          item?: ScoredItem | null;
          severity: FindingSeverity;
          note: string;
        };
      },
      ctx: AssessmentContext,
    ) => {
      requireAssessmentManager(ctx.viewer);
      return recordInspectionFinding(ctx, input, ctx.viewer.sub);
    },
    completeInspection: (_: unknown, { id }: { id: string }, ctx: AssessmentContext) => {
      requireAssessmentManager(ctx.viewer);
      return completeInspection(ctx, id, ctx.viewer.sub);
    },
  },

  Inspection: {
    id: (inspection: InspectionRecord) => inspection._id,
    division: (inspection: InspectionRecord) => ({ id: inspection.divisionId }),
    populationSize: (inspection: InspectionRecord) => inspection.population.length,
    points: (inspection: InspectionRecord, _: unknown, ctx: AssessmentContext) =>
      findingPoints(ctx.models, inspection),
  },

  InspectionFinding: {
    id: (finding: InspectionFinding) => finding.findingId,
    entries: (finding: InspectionFinding, _: unknown, ctx: AssessmentContext) =>
      ctx.models.scoreEntries
        .find({ 'source.eventId': finding.eventId })
        .sort({ _id: 1 })
        .lean()
        .exec(),
  },
};
