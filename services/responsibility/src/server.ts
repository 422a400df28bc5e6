import { defineSubgraph, loadSdl } from '@heli/subgraph-runtime';
import { indexUnsearchableMatters } from './assignments/assignment-search.js';
import { assignmentsResolvers } from './assignments/assignments.resolvers.js';
import { systemClock, type Clock } from './clock/clock.js';
import { coordinationBodyResolvers } from './coordination-body/coordination-body.resolvers.js';
import { loadDemoMatters } from './demo/load-demo-matters.js';
import { loadDemoOrganisation } from './demo/load-demo-organisation.js';
import { difficultiesResolvers } from './difficulties/difficulties.resolvers.js';
import { divisionsResolvers } from './divisions/divisions.resolvers.js';
import { dutiesResolvers } from './duties/duties.resolvers.js';
import { responsibilityIntake } from './event-intake/responsibility-intake.js';
import { leadershipBoardResolvers } from './leadership-board/leadership-board.resolvers.js';
import { createResponsibilityLoaders } from './loaders.js';
import { responsibilityModels } from './models.js';
import { originsResolvers } from './origins/origins.resolvers.js';
import { statisticsResolvers } from './statistics/statistics.resolvers.js';
import { officesResolvers } from './offices/offices.resolvers.js';
import { progressReportsResolvers } from './progress-reports/progress-reports.resolvers.js';
import { dateTimeResolvers } from './scalars/date-time.scalar.js';
import type { ServiceOptions } from './service-options.js';
import { staffResolvers } from './staff/staff.resolvers.js';
import { startSupervisionScheduler } from './supervision/supervision-scheduler.js';
import { runSupervisionTick } from './supervision/supervision-tick.js';
import {
  DEFAULT_SUPERVISION_SETTINGS,
  type SupervisionSettings,
} from './supervision/supervision-settings.js';
import { supervisionResolvers } from './supervision/supervision.resolvers.js';
import { viewerResolvers } from './viewer/viewer.resolvers.js';
import { currentViewer } from './staff/current-viewer.js';
import { workResolvers } from './work/work.resolvers.js';

const sdl = (path: string) => loadSdl(new URL(path, import.meta.url));

export interface ResponsibilitySubgraphOptions {
  /** Load the demo organisation and demo matters once the subgraph listens (skipping what exists). */
  loadDemoData: boolean;
  /** Where the service reads the time; tests pass a clock they move by hand. */
  clock?: Clock;
  /** Reminder and escalation thresholds and the scheduler interval (0: tick only when called). */
  supervision?: SupervisionSettings;
  /** Days given to a matter from an instruction or decision without a deadline; 14 by default. */
  intakeDefaultDeadlineDays?: number;
}

/**
 * The responsibility subgraph (链接一: 明确职责): the organisation — offices, divisions, staff
 * and the coordination body, owning the `Office`, `Division` and `Staff` entities — and who
 * answers for what: duties, assigned matters with their progress, supervision and difficulties.
 */
export function createResponsibilitySubgraph({
  loadDemoData,
  clock = systemClock,
  supervision = DEFAULT_SUPERVISION_SETTINGS,
  intakeDefaultDeadlineDays = 14,
}: ResponsibilitySubgraphOptions) {
  const options: ServiceOptions = { clock, supervision, intakeDefaultDeadlineDays };
  return defineSubgraph({
    name: 'responsibility',
    typeDefs: [
      sdl('./organisation/page-info.graphql'),
      sdl('./offices/offices.graphql'),
      sdl('./divisions/divisions.graphql'),
      sdl('./staff/staff.graphql'),
      sdl('./coordination-body/coordination-body.graphql'),
      sdl('./viewer/viewer.graphql'),
      sdl('./scalars/date-time.graphql'),
      sdl('./duties/duties.graphql'),
      sdl('./assignments/assignments.graphql'),
      sdl('./progress-reports/progress-reports.graphql'),
      sdl('./supervision/supervision.graphql'),
      sdl('./difficulties/difficulties.graphql'),
      sdl('./leadership-board/leadership-board.graphql'),
      sdl('./work/work.graphql'),
      sdl('./origins/origins.graphql'),
      sdl('./statistics/statistics.graphql'),
    ],
    resolvers: [
      officesResolvers,
      divisionsResolvers,
      staffResolvers,
      coordinationBodyResolvers,
      viewerResolvers,
      dateTimeResolvers,
      dutiesResolvers(options),
      assignmentsResolvers(options),
      progressReportsResolvers(options),
      supervisionResolvers(options),
      difficultiesResolvers(options),
      leadershipBoardResolvers(options),
      workResolvers(options),
      originsResolvers,
      statisticsResolvers,
    ],
    models: responsibilityModels,
    createLoaders: (scope) => createResponsibilityLoaders(scope, clock),
    currentViewer,
    eventHandlers: (runtime) => [
      responsibilityIntake(runtime, { defaultDeadlineDays: intakeDefaultDeadlineDays }),
    ],
    // The demo organisation exists before the intake consumes instructions naming its divisions.
    consumeAfterStartup: true,
    async onReady(runtime) {
      const indexed = await indexUnsearchableMatters(runtime.models);
      if (indexed > 0) runtime.logger.info({ indexed }, 'matters made searchable');
      if (loadDemoData) {
        const summary = await loadDemoOrganisation(runtime);
        runtime.logger.info({ created: summary }, 'demo organisation loaded');
        const matters = await loadDemoMatters(runtime, clock.now());
        runtime.logger.info({ created: matters }, 'demo matters loaded');
        // Escalates the late demo matters at once rather than at the first scheduled tick.
        await runSupervisionTick(runtime, clock.now(), supervision);
      }
      startSupervisionScheduler(runtime, { clock, settings: supervision });
    },
  });
}
