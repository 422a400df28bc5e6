import {
  formatPeriod,
  periodContaining,
  periodKeysOf,
  type PeriodKeys,
} from '../periods/period.js';
import { matchesCondition } from '../scoring-rules/rule-condition.js';
import type { ScoreCategory, ScoringRule, ScoringRuleSet } from '../scoring-rules/scoring-rule.js';
import { divisionsAt } from '../scoring-rules/target-path.js';

/** The parts of a stored event that scoring reads. */
export interface ScorableEventRecord {
  id: string;
  type: string;
  /** When it happened (the envelope's `time`). */
  time: Date;
  data: unknown;
}

/** What one rule gives one division for one event. Its key is unique in the ledger's intent. */
export interface ScoreIntent {
  /** `<eventId>~<ruleId>~<divisionId>`: at most one standing score per event, rule and division. */
  key: string;
  eventId: string;
  eventType: string;
  eventTime: Date;
  divisionId: string;
  rule: { id: string; version: number; ruleSetVersion: number };
  category: ScoreCategory;
  /** What the rule gives before its cap (rule points × how often the event names the division). */
  uncappedPoints: number;
  points: number;
  /** The cap period the points counted against, e.g. '2026-05'; null for an uncapped rule. */
  capPeriod: string | null;
  periods: PeriodKeys;
}

/** Points a rule already gave a division within one cap period, in the order events are scored. */
export type CapUsage = (ruleId: string, divisionId: string, capPeriod: string) => number;

export function scoreKey(eventId: string, ruleId: string, divisionId: string): string {
  return `${eventId}~${ruleId}~${divisionId}`;
}

/**
 * What the rule set gives for one event: one intent per matching rule and target division, with
 * each rule's cap applied against what it already gave in the cap period. The same event, rules
 * and usage always give the same intents — the consumer and recompute both score through here.
 */
export function scoreEvent(
  event: ScorableEventRecord,
  ruleSet: Pick<ScoringRuleSet, 'rules' | 'version'>,
  capUsage: CapUsage,
): ScoreIntent[] {
  const periods = periodKeysOf(event.time);
  const intents: ScoreIntent[] = [];
  for (const rule of ruleSet.rules) {
    if (rule.eventType !== event.type) continue;
    if (rule.condition !== null && !matchesCondition(rule.condition, event.data)) continue;
    for (const [divisionId, occurrences] of countTargets(event.data, rule)) {
      const uncappedPoints = roundPoints(rule.points * occurrences);
      const capPeriod = rule.cap ? formatPeriod(periodContaining(periods, rule.cap.period)) : null;
      const points =
        rule.cap && capPeriod !== null
          ? applyCap(uncappedPoints, capUsage(rule.id, divisionId, capPeriod), rule.cap.points)
          : uncappedPoints;
      intents.push({
        key: scoreKey(event.id, rule.id, divisionId),
        eventId: event.id,
        eventType: event.type,
        eventTime: event.time,
        divisionId,
        rule: { id: rule.id, version: rule.version, ruleSetVersion: ruleSet.version },
        category: rule.category,
        uncappedPoints,
        points,
        capPeriod,
        periods,
      });
    }
  }
  return intents;
}

/**
 * What is left of `points` under a cap on the absolute total per period, given what was already
 * `used`: a deduction is capped like a reward, so one bad month cannot sink a division's year.
 */
export function applyCap(points: number, used: number, cap: number): number {
  const remaining = Math.max(0, cap - Math.abs(used));
  return roundPoints(Math.sign(points) * Math.min(Math.abs(points), remaining));
}

/** Sums without binary-fraction drift: points have at most two decimals. */
export function roundPoints(points: number): number {
  const rounded = Math.round(points * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function countTargets(data: unknown, rule: ScoringRule): Map<string, number> {
  const counts = new Map<string, number>();
  for (const divisionId of divisionsAt(data, rule.target)) {
    counts.set(divisionId, (counts.get(divisionId) ?? 0) + 1);
  }
  return counts;
}

/** Cap usage kept in memory while scoring a sequence of events in order (recompute, demo data). */
export function inMemoryCapUsage(): { usage: CapUsage; record(intent: ScoreIntent): void } {
  const used = new Map<string, number>();
  const keyOf = (ruleId: string, divisionId: string, capPeriod: string) =>
    `${ruleId}~${divisionId}~${capPeriod}`;
  return {
    usage: (ruleId, divisionId, capPeriod) => used.get(keyOf(ruleId, divisionId, capPeriod)) ?? 0,
    record(intent) {
      if (intent.capPeriod === null) return;
      const key = keyOf(intent.rule.id, intent.divisionId, intent.capPeriod);
      used.set(key, roundPoints((used.get(key) ?? 0) + intent.points));
    },
  };
}
