import { demoDivisions } from '@heli/demo-data';
import type { SubgraphRuntime } from '@heli/subgraph-runtime';
import { recordKnownDivision } from '../divisions/record-known-division.js';
import { recordScoringEvents } from '../ledger/record-scoring-event.js';
import type { AssessmentModels } from '../models.js';
import { demoHistory } from './demo-history.js';

const EVENTS_PER_TRANSACTION = 200;

/**
 * Scores the demo year through `recordScoringEvents`, the live path, in time order. Events already
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
    // As a batch: one ranking of the touched periods per transaction rather than per event
    // (the same entries and standings, since the history is in time order).
    scored += await conn.transaction(async (session) => {
      const outcomes = await recordScoringEvents(models, session, batch);
      return outcomes.filter((outcome) => outcome === 'scored').length;
    });
  }
  return { events: history.length, scored };
}
