import DataLoader from 'dataloader';
import { byIdLoader, groupedPageLoaders, type LoaderScope } from '@heli/subgraph-runtime';
import type { RankedTotal } from './evaluations/evaluations.rules.js';
import { rankingOf, standingsOf } from './ledger/division-standings.js';
import { rewardsAndPenalties, type DivisionTotals } from './ledger/score-totals.js';
import { scoreEntriesOfItemLoader } from './item-scores/item-scores.js';
import type { AssessmentModels } from './models.js';
import type { ScoringEventRecord } from './scoring-events/scoring-events.model.js';
import { parsePeriod } from './periods/period.js';
import { activeRuleSet } from './scoring-rules/active-rule-set.js';
import { defaultRuleSet } from './scoring-rules/default-rule-set.js';
import type { ScoreCategory, ScoringRuleSet } from './scoring-rules/scoring-rule.js';

const SEPARATOR = '|';

/**
 * Per-request DataLoaders. Scores are asked for per division (`Division.score`), often for every
 * division of a leaderboard at once: they batch into one read of the standings projection
 * (`ledger/division-standings.ts`), whatever the number of divisions and periods.
 */
export function createAssessmentLoaders({ models }: LoaderScope<AssessmentModels>) {
  return {
    /** Stored scoring events by event id, for what a score's explanation says of its source. */
    scoringEvent: byIdLoader(models.scoringEvents),
    /** One stored scoring event about each item id (a reading, a step…), null where none is. */
    scoringEventOfItem: new DataLoader<string, ScoringEventRecord | null>(async (itemIds) => {
      const stored = await models.scoringEvents
        .find({ 'item.id': { $in: [...itemIds] } })
        .sort({ time: 1, _id: 1 })
        .lean<ScoringEventRecord[]>()
        .exec();
      return itemIds.map((id) => stored.find((event) => event.item?.id === id) ?? null);
    }),
    /** Key: `<period>|<divisionId>`. */
    divisionTotals: new DataLoader<string, DivisionTotals>((keys) =>
      standingsOf(
        models,
        keys.map((key) => {
          const [period = '', divisionId = ''] = key.split(SEPARATOR);
          return { period, divisionId };
        }),
      ),
    ),
    /** Pages of the ledger entries behind each division's score (`DivisionScore.explanation`). */
    scoreEntryPages: groupedPageLoaders(models.scoreEntries, 'divisionId'),
    /** Key: `<period>|<divisionId>`: rewards (奖) and penalties (惩) of an evaluation. */
    rewardsAndPenalties: new DataLoader<string, { rewardPoints: number; penaltyPoints: number }>(
      (keys) =>
        Promise.all(
          keys.map((key) => {
            const [period = '', divisionId = ''] = key.split(SEPARATOR);
            return rewardsAndPenalties(models, divisionId, parsePeriod(period));
          }),
        ),
    ),
    /** Key: `<period>|<category or empty>`. */
    ranking: new DataLoader<string, RankedTotal[]>((keys) =>
      Promise.all(
        keys.map((key) => {
          const [period = '', category = ''] = key.split(SEPARATOR);
          return rankingOf(
            models,
            period,
            category === '' ? undefined : (category as ScoreCategory),
          );
        }),
      ),
    ),
    /** Key: `<year>-v<version>` (see `ruleSetId`); null for a version that does not exist. */
    ruleSetVersion: new DataLoader<string, ScoringRuleSet | null>(async (ids) => {
      const stored = await models.ruleSets.find({ _id: { $in: [...ids] } }).lean();
      return ids.map((id) => {
        const found = stored.find((ruleSet) => ruleSet._id === id);
        if (found) return found;
        const [year, version] = id.split('-v').map(Number);
        // Version 1 is the built-in defaults until the first change stores it.
        return version === 1 && year !== undefined ? defaultRuleSet(year) : null;
      });
    }),
    /** Key: an item an event was about, e.g. `{ kind: 'ACHIEVEMENT_USE', id }`. */
    scoreEntriesOfItem: scoreEntriesOfItemLoader(models),
    /** Key: the year. */
    activeRuleSet: new DataLoader<number, ScoringRuleSet>((years) =>
      Promise.all(years.map((year) => activeRuleSet(models.ruleSets, year))),
    ),
  };
}

export type AssessmentLoaders = ReturnType<typeof createAssessmentLoaders>;

export const totalsKey = (period: string, divisionId: string) =>
  `${period}${SEPARATOR}${divisionId}`;
export const rankingKey = (period: string, category?: ScoreCategory | null) =>
  `${period}${SEPARATOR}${category ?? ''}`;
