import { defineSubgraph, loadSdl } from '@heli/subgraph-runtime';
import { coordinationBodyResolvers } from './coordination-body/coordination-body.resolvers.js';
import { loadDemoOrganisation } from './demo/load-demo-organisation.js';
import { divisionsResolvers } from './divisions/divisions.resolvers.js';
import { createResponsibilityLoaders } from './loaders.js';
import { responsibilityModels } from './models.js';
import { officesResolvers } from './offices/offices.resolvers.js';
import { staffResolvers } from './staff/staff.resolvers.js';
import { viewerResolvers } from './viewer/viewer.resolvers.js';

const sdl = (path: string) => loadSdl(new URL(path, import.meta.url));

export interface ResponsibilitySubgraphOptions {
  /** Load the demo organisation once the subgraph listens (it skips what already exists). */
  loadDemoData: boolean;
}

/**
 * The responsibility subgraph (链接一: 明确职责): the organisation — offices, divisions, staff
 * and the coordination body — owning the `Office`, `Division` and `Staff` entities.
 */
export function createResponsibilitySubgraph({ loadDemoData }: ResponsibilitySubgraphOptions) {
  return defineSubgraph({
    name: 'responsibility',
    typeDefs: [
      sdl('./organisation/page-info.graphql'),
      sdl('./offices/offices.graphql'),
      sdl('./divisions/divisions.graphql'),
      sdl('./staff/staff.graphql'),
      sdl('./coordination-body/coordination-body.graphql'),
      sdl('./viewer/viewer.graphql'),
    ],
    resolvers: [
      officesResolvers,
      divisionsResolvers,
      staffResolvers,
      coordinationBodyResolvers,
      viewerResolvers,
    ],
    models: responsibilityModels,
    createLoaders: createResponsibilityLoaders,
    async onReady(runtime) {
      if (!loadDemoData) return;
      const summary = await loadDemoOrganisation(runtime);
      runtime.logger.info({ created: summary }, 'demo organisation loaded');
    },
  });
}
