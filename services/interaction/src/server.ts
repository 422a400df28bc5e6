import { defineSubgraph, loadSdl } from '@heli/subgraph-runtime';
import { officialCalendar } from './calendar/official-calendar.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import { systemClock, type Clock } from './clock.js';
import { commonResolvers } from './common/common.resolvers.js';
import { coordinationResolvers } from './coordination/coordination.resolvers.js';
import { knownOfficesSubscription } from './coordination/known-offices.handlers.js';
import { knownDocumentsSubscription } from './documents/known-documents.handlers.js';
import { loadDemoInteractionWhenReady } from './demo/load-demo-interaction.js';
import type { InteractionDependencies } from './dependencies.js';
import { interactionLoaders } from './loaders.js';
import { decisionMattersSubscription } from './meetings/decision-matters.handlers.js';
import { meetingsResolvers } from './meetings/meetings.resolvers.js';
import { interactionModels } from './models.js';
import { backfillWaitingOn } from './workflows/backfill-waiting-on.js';
import { ensureDefaultTemplates } from './workflows/ensure-default-templates.js';
import { scheduleOverdueScan } from './workflows/overdue-scan.js';
import { workflowsResolvers } from './workflows/workflows.resolvers.js';
import { workResolvers } from './work/work.resolvers.js';
import { catalogTopicsSubscription } from './research/catalog-topics.handlers.js';
import { researchResolvers } from './research/research.resolvers.js';
import { currentViewer } from './organisation/current-viewer.js';
import { directorySubscription } from '@heli/directory-read-model';

const sdl = (path: string) => loadSdl(new URL(path, import.meta.url));

export interface InteractionSubgraphOptions {
  /** Load the demo meetings, research period and workflow cases once the subgraph listens. */
  loadDemoData: boolean;
  /** Where due times and overdue checks read the time; tests pass a `ManualClock`. */
  clock?: Clock;
  /** Holidays, make-up working days and office hours; the official calendar by default. */
  calendar?: WorkingCalendar;
  /** How often overdue workflow steps are looked for; 0 turns the scan off (tests run it by hand). */
  overdueScanIntervalMs?: number;
  /** Working days an absent division is given to read a meeting's minutes (3 by default). */
  minutesReadingDays?: number;
  /** The most research topics one person may be on at once (2 by default). */
  maxTopicsPerResearcher?: number;
  /** The research office (调研室) division's id ('div-research' by default). */
  researchOfficeDivisionId?: string;
}

/**
 * The interaction subgraph (链接三: 工作互动): 议政会 whose 部署 decisions become matters in
 * responsibility, 调研联席会议 with joint research topics, and standard workflows tracked step by
 * step against time limits on the working-day calendar. Extends `Division` with its meetings and
 * `Assignment` with where it came from.
 */
export function createInteractionSubgraph({
  loadDemoData,
  clock = systemClock,
  calendar = officialCalendar(),
  minutesReadingDays = 3,
  maxTopicsPerResearcher = 2,
  researchOfficeDivisionId = 'div-research',
  overdueScanIntervalMs = 60_000,
}: InteractionSubgraphOptions) {
  const dependencies: InteractionDependencies = {
    clock,
    calendar,
    minutesReadingDays,
    maxTopicsPerResearcher,
    researchOfficeDivisionId,
  };
  return defineSubgraph({
    name: 'interaction',
    typeDefs: [
      sdl('./common/common.graphql'),
      sdl('./organisation/organisation.graphql'),
      sdl('./meetings/meetings.graphql'),
      sdl('./workflows/workflows.graphql'),
      sdl('./research/research.graphql'),
      sdl('./work/work.graphql'),
      sdl('./coordination/coordination.graphql'),
    ],
    resolvers: [
      commonResolvers,
      meetingsResolvers(dependencies),
      workflowsResolvers(dependencies),
      researchResolvers(dependencies),
      workResolvers(dependencies),
      coordinationResolvers(dependencies),
    ],
    models: interactionModels,
    createLoaders: interactionLoaders,
    currentViewer,
    eventHandlers: (runtime) => [
      directorySubscription('interaction-directory', runtime.models),
      decisionMattersSubscription(runtime),
      catalogTopicsSubscription(runtime),
      knownDocumentsSubscription(runtime),
      knownOfficesSubscription(runtime),
    ],
    async onReady(runtime) {
      await Promise.all(Object.values(runtime.models).map((model) => model.init()));
      const created = await ensureDefaultTemplates(runtime.models, clock.now());
      const backfilled = await backfillWaitingOn(runtime.models);
      runtime.logger.info(
        { loadDemoData, templatesCreated: created, stepsBackfilled: backfilled },
        'interaction ready',
      );
      if (loadDemoData) {
        void loadDemoInteractionWhenReady(runtime, () => clock.now(), {
          calendar,
          minutesReadingDays,
          maxTopicsPerResearcher,
          researchOfficeDivisionId,
        });
      }
      if (overdueScanIntervalMs > 0) scheduleOverdueScan(runtime, clock, overdueScanIntervalMs);
    },
  });
}

export { ManualClock, systemClock, type Clock } from './clock.js';
export type { InteractionModels } from './models.js';
