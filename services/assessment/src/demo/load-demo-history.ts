import { demoDivisions } from '@heli/demo-data';
import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import { recordKnownDivision } from '../divisions/record-known-division.js';
import { recordScoringEvent } from '../ledger/record-scoring-event.js';
import type { AssessmentModels } from '../models.js';
import { demoHistory } from './demo-history.js';

const EVENTS_PER_TRANSACTION = 200;

/**
 * Scores the demo year through `recordScoringEvent`, the live path, in time order. Events already
 * stored are skipped, so loading again changes nothing.
 */
export async function loadDemoHistory(
  runtime: Pick<SubgraphRuntime<AssessmentModels>, 'models' | 'conn'>,
): Promise<{ events: number; scored: number }> {
  const { models, conn } = runtime;
  await conn.transaction(async (session) => {
    for (const division of demoDivisions) {
      await recordKnownDivision(models, session, {
        divisionId: division.id,
        officeId: division.officeId,
        name: division.name,
      });
    }
  });
  const history = demoHistory();
  let scored = 0;
  for (let start = 0; start < history.length; start += EVENTS_PER_TRANSACTION) {
    const batch = history.slice(start, start + EVENTS_PER_TRANSACTION);
    scored += await conn.transaction(async (session) => {
      let count = 0;
      for (const envelope of batch) {
        if ((await recordScoringEvent(models, session, envelope)) === 'scored') count += 1;
      }
      return count;
    });
  }
  return { events: history.length, scored };
}
