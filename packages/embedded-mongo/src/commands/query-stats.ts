import type { Document } from 'bson';
import type { MatchStats } from '../storage/data-view.js';
import type { ServerCounters } from './server-counters.js';

export function countQuery(counters: ServerCounters, stats: MatchStats): void {
  counters.scannedKeys += stats.keysExamined;
  counters.scannedObjects += stats.docsExamined;
  if (stats.plan.kind === 'collectionScan') counters.collectionScans++;
  else if (stats.plan.kind === 'indexScan' || stats.plan.kind === 'idLookup') counters.indexScans++;
}

/** The `queryPlanner.winningPlan` shape of mongod's explain output for a plan. */
export function winningPlan(stats: MatchStats): Document {
  const plan = stats.plan;
  switch (plan.kind) {
    case 'indexScan':
      return {
        stage: 'FETCH',
        inputStage: {
          stage: 'IXSCAN',
          keyPattern: plan.index.spec.key,
          indexName: plan.index.spec.name,
          isMultiKey: plan.index.multikey,
          isUnique: plan.index.spec.unique === true,
          direction: 'forward',
        },
      };
    case 'idLookup':
      return { stage: 'IDHACK' };
    case 'collectionScan':
      return { stage: 'COLLSCAN', direction: 'forward' };
    case 'empty':
      return { stage: 'EOF' };
  }
}
