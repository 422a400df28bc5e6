import { defineSubgraph, loadSdl } from '@heli/subgraph-runtime';
import { auditResolvers } from './audit/audit.resolvers.js';
import { achievementCatalogueSubscription } from './catalog/achievement-catalogue.handlers.js';
import { catalogResolvers } from './catalog/catalog.resolvers.js';
import { circulationResolvers } from './circulation/circulation.resolvers.js';
import { systemClock, type Clock } from './clock.js';
import { loadDemoSharing } from './demo/load-demo-sharing.js';
import { minutesSubscription } from './meeting-minutes/minutes-intake.js';
import type { SharingDependencies } from './dependencies.js';
import { distributionResolvers } from './distribution/distribution.resolvers.js';
import { indexUnsearchableDocuments } from './documents/document-search.js';
import { documentsResolvers } from './documents/documents.resolvers.js';
import { incomingDocumentsSubscription } from './incoming-documents/incoming-documents.intake.js';
import { incomingDocumentsResolvers } from './incoming-documents/incoming-documents.resolvers.js';
import { featuredResolvers } from './featured/featured.resolvers.js';
import { infoCollectionResolvers } from './info-collection/info-collection.resolvers.js';
import { instructionsResolvers } from './instructions/instructions.resolvers.js';
import { sharingLoaders } from './loaders.js';
import { sharingModels } from './models.js';
import { directorySubscription } from '@heli/directory-read-model';
import { organisationResolvers } from './organisation/organisation.resolvers.js';
import { scheduleSweeps } from './schedule/sweeps.js';
import { currentViewer } from './organisation/current-viewer.js';
import { statisticsResolvers } from './statistics/statistics.resolvers.js';
import { workResolvers } from './work/work.resolvers.js';

const sdl = (path: string) => loadSdl(new URL(path, import.meta.url));

export interface SharingSubgraphOptions {
  /** Load the demo documents, distributions, circulation and catalogue once the subgraph listens. */
  loadDemoData: boolean;
  /** Where due dates and overdue checks read the time; tests pass a `ManualClock`. */
  clock?: Clock;
  /** How often overdue readings and scheduled digests are swept; 0 turns the sweeps off (tests run them by hand). */
  sweepIntervalMs?: number;
}

/**
 * The sharing subgraph (链接二: 资源共享): classified documents with need-to-know, distribution
 * and 阅知, circulation, leaders' instructions, the searchable catalogue, information collection
 * and 精品交流. Extends `Staff` with the reading inbox and `Division` with its catalogue and
 * reading record.
 */
export function createSharingSubgraph({
  loadDemoData,
  clock = systemClock,
  sweepIntervalMs = 60_000,
}: SharingSubgraphOptions) {
  const dependencies: SharingDependencies = { clock };
  return defineSubgraph({
    name: 'sharing',
    typeDefs: [
      sdl('./schema/common.graphql'),
      sdl('./organisation/organisation.graphql'),
      sdl('./documents/documents.graphql'),
      sdl('./distribution/distribution.graphql'),
      sdl('./circulation/circulation.graphql'),
      sdl('./instructions/instructions.graphql'),
      sdl('./catalog/catalog.graphql'),
      sdl('./info-collection/info-collection.graphql'),
      sdl('./featured/featured.graphql'),
      sdl('./audit/audit.graphql'),
      sdl('./schema/date-time.graphql'),
      sdl('./work/work.graphql'),
      sdl('./statistics/statistics.graphql'),
      sdl('./incoming-documents/incoming-documents.graphql'),
    ],
    resolvers: [
      organisationResolvers(dependencies),
      documentsResolvers(dependencies),
      distributionResolvers(dependencies),
      circulationResolvers(dependencies),
      instructionsResolvers(dependencies),
      catalogResolvers(dependencies),
      infoCollectionResolvers(dependencies),
      featuredResolvers(dependencies),
      auditResolvers,
      workResolvers(dependencies),
      statisticsResolvers,
      incomingDocumentsResolvers(dependencies),
    ],
    models: sharingModels,
    createLoaders: sharingLoaders(clock),
    currentViewer,
    eventHandlers: (runtime) => [
      directorySubscription('sharing-directory', runtime.models),
      achievementCatalogueSubscription(runtime),
      minutesSubscription(runtime),
      incomingDocumentsSubscription(runtime),
    ],
    async onReady(runtime) {
      const indexed = await indexUnsearchableDocuments(runtime.models);
      if (indexed > 0) runtime.logger.info({ indexed }, 'documents made searchable');
      if (loadDemoData) {
        const created = await loadDemoSharing(runtime, clock.now());
        runtime.logger.info({ created }, 'demo sharing data loaded');
      }
      if (sweepIntervalMs > 0) scheduleSweeps(runtime, clock, sweepIntervalMs);
    },
  });
}

export { ManualClock, systemClock, type Clock } from './clock.js';
export { runSweeps } from './schedule/sweeps.js';
export type { SharingModels } from './models.js';
