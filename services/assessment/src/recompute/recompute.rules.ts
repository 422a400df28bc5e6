import type { PeriodKeys } from '../periods/period.js';
import {
  inMemoryCapUsage,
  roundPoints,
  scoreEvent,
  type ScorableEventRecord,
  type ScoreIntent,
} from '../ledger/score-event.rules.js';
import type { ScoreCategory, ScoringRuleSet } from '../scoring-rules/scoring-rule.js';

/** What the ledger holds for one event, rule, division and category, summed over its entries. */
export interface StandingScore {
  key: string;
  eventId: string;
  eventType: string;
  eventTime: Date;
  divisionId: string;
  rule: { id: string; version: number };
  category: ScoreCategory;
  points: number;
  periods: PeriodKeys;
}

/**
 * A compensating entry that brings one standing score to what the new rules give: the same fields,
 * with `points` the difference to add.
 */
export type ScoreAdjustment = StandingScore;

export interface RecomputePlan {
  /** What every stored event scores under the rules, in scoring order. */
  intents: ScoreIntent[];
  adjustments: ScoreAdjustment[];
}

/**
 * Events in the order scores are (re)computed: by time, then id — so caps are used up in the same
 * order every time, whatever order the events were delivered in.
 */
export function inScoringOrder<E extends Pick<ScorableEventRecord, 'id' | 'time'>>(
  events: readonly E[],
): E[] {
  return [...events].sort(
    (a, b) => a.time.getTime() - b.time.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const scoreSlot = (key: string, category: ScoreCategory) => `${key}#${category}`;

/**
 * Replays stored events through a rule set and compares the result with what the ledger holds:
 * each difference becomes an adjustment (a compensating entry), so the ledger is never edited.
 * Pure and deterministic: the same events, rules and ledger always give the same plan, and once
 * applied, planning again gives no adjustments.
 */
export function planRecompute(
  events: readonly ScorableEventRecord[],
  ruleSet: Pick<ScoringRuleSet, 'rules' | 'version'>,
  standing: readonly StandingScore[],
): RecomputePlan {
  const { usage, record } = inMemoryCapUsage();
  const intents: ScoreIntent[] = [];
  for (const event of inScoringOrder(events)) {
    for (const intent of scoreEvent(event, ruleSet, usage)) {
      record(intent);
      intents.push(intent);
    }
  }

  const held = new Map(standing.map((score) => [scoreSlot(score.key, score.category), score]));
  const wanted = new Map(intents.map((intent) => [scoreSlot(intent.key, intent.category), intent]));
  const adjustments: ScoreAdjustment[] = [];
  for (const [slot, intent] of wanted) {
    const delta = roundPoints(intent.points - (held.get(slot)?.points ?? 0));
    if (delta !== 0) adjustments.push({ ...adjustmentBase(intent), points: delta });
  }
  for (const [slot, score] of held) {
    if (wanted.has(slot) || roundPoints(score.points) === 0) continue;
    adjustments.push({ ...adjustmentBase(score), points: roundPoints(-score.points) });
  }
  adjustments.sort(
    (a, b) =>
      a.eventTime.getTime() - b.eventTime.getTime() ||
      compare(a.key, b.key) ||
      compare(a.category, b.category),
  );
  return { intents, adjustments };
}

/** Net change per division that a plan makes, rounded. */
export function changeByDivision(adjustments: readonly ScoreAdjustment[]): Map<string, number> {
  const change = new Map<string, number>();
  for (const { divisionId, points } of adjustments) {
    change.set(divisionId, roundPoints((change.get(divisionId) ?? 0) + points));
  }
  return change;
}

function adjustmentBase(score: ScoreIntent | StandingScore): Omit<ScoreAdjustment, 'points'> {
  return {
    key: score.key,
    eventId: score.eventId,
    eventType: score.eventType,
    eventTime: score.eventTime,
    divisionId: score.divisionId,
    rule: { id: score.rule.id, version: score.rule.version },
    category: score.category,
    periods: score.periods,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
