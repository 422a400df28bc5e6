import { defineSubgraph, loadSdl } from '@heli/subgraph-runtime';
import { commonResolvers } from './common/common.resolvers.js';
import { loadDemoHistory } from './demo/load-demo-history.js';
import { evaluationsResolvers } from './evaluations/evaluations.resolvers.js';
import { itemScoresResolvers } from './item-scores/item-scores.resolvers.js';
import { inspectionsResolvers } from './inspections/inspections.resolvers.js';
import { ledgerResolvers } from './ledger/ledger.resolvers.js';
import { buildMissingStandings } from './ledger/division-standings.js';
import { createAssessmentLoaders } from './loaders.js';
import { assessmentModels } from './models.js';
import { recomputeResolvers } from './recompute/recompute.resolvers.js';
import { scoringSubscription } from './scoring-events/scoring-subscription.js';
import { scoringRulesResolvers } from './scoring-rules/scoring-rules.resolvers.js';
import { statisticsResolvers } from './statistics/statistics.resolvers.js';
import { subjectsResolvers } from './subjects/subjects.resolvers.js';

const sdl = (path: string) => loadSdl(new URL(path, import.meta.url));

export interface AssessmentSubgraphOptions {
  /** Score the demo year once the subgraph listens (events already stored are skipped). */
  loadDemoData: boolean;
}

/**
 * The assessment subgraph (考核督办, 奖惩分明): scoring rules as data, an append-only ledger fed
 * by the other subgraphs' events, recompute, inspections and spot checks, evaluations. Extends
 * `Division` with `score`, `rank` and `evaluation`.
 */
export function createAssessmentSubgraph({ loadDemoData }: AssessmentSubgraphOptions) {
  return defineSubgraph({
    name: 'assessment',
    typeDefs: [
      sdl('./common/common.graphql'),
      sdl('./divisions/division.graphql'),
      sdl('./scoring-rules/scoring-rules.graphql'),
      sdl('./ledger/ledger.graphql'),
      sdl('./recompute/recompute.graphql'),
      sdl('./inspections/inspections.graphql'),
      sdl('./evaluations/evaluations.graphql'),
      sdl('./item-scores/item-scores.graphql'),
      sdl('./subjects/subjects.graphql'),
      sdl('./statistics/statistics.graphql'),
    ],
    resolvers: [
      commonResolvers,
      scoringRulesResolvers,
      ledgerResolvers,
      recomputeResolvers,
      inspectionsResolvers,
      evaluationsResolvers,
      itemScoresResolvers,
      subjectsResolvers,
      statisticsResolvers,
    ],
    models: assessmentModels,
    createLoaders: createAssessmentLoaders,
    eventHandlers: (runtime) => [scoringSubscription(runtime)],
    async onReady(runtime) {
      // Indexes first: the ledger's unique _id needs none, but period queries and caps do.
      await Promise.all(Object.values(runtime.models).map((model) => model.init()));
      // A ledger written before the standings projection existed gets it once, from the ledger.
      if (await buildMissingStandings(runtime.models))
        runtime.logger.info('division standings built from the ledger');
      if (!loadDemoData) return;
      const summary = await loadDemoHistory(runtime);
      runtime.logger.info(summary, 'demo assessment history loaded');
    },
  });
}
