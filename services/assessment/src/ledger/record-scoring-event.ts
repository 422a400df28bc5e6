import type { EventEnvelope } from '@heli/event-contracts';
import type { ClientSession } from 'mongoose';
import { parsePeriod, periodFilter, periodKeysOf } from '../periods/period.js';
import { findScorableEvent } from '../scoring-events/scorable-events.js';
import { divisionsAt } from '../scoring-rules/target-path.js';
import { activeRuleSet } from '../scoring-rules/active-rule-set.js';
import type { AssessmentModels } from '../models.js';
import type { ScoreEntryRecord } from './ledger.model.js';
import { roundPoints, scoreEvent, type ScoreIntent } from './score-event.rules.js';

export type RecordOutcome = 'scored' | 'already-recorded' | 'not-scorable';

/** Entries a rule set wrote when scoring (not corrections) count against a rule's cap. */
export const SCORING_ENTRY_KINDS = ['RULE', 'RECOMPUTE'] as const;

/**
 * The one write path of every scorable event — from the event consumer, an inspector's finding
 * or the demo history: stores the envelope in `scoring_events` and appends what the year's active
 * rules give to the ledger, all with `session`, so it commits with whatever the caller commits
 * (the consumer's `processed_events` marker). An event already stored is left alone.
 */
export async function recordScoringEvent(
  models: AssessmentModels,
  session: ClientSession,
  envelope: EventEnvelope,
  now: Date = new Date(),
): Promise<RecordOutcome> {
  const scorable = findScorableEvent(envelope.type);
  if (!scorable) return 'not-scorable';
  const time = new Date(envelope.time);
  const periods = periodKeysOf(time);
  const data = envelope.data as Record<string, unknown>;
  // Insert-if-absent in one round trip: the upsert tells whether this call stored the event.
  const stored = await models.scoringEvents.updateOne(
    { _id: envelope.id },
    {
      $setOnInsert: {
        type: envelope.type,
        time,
        ...periods,
        divisionIds: [
          ...new Set(scorable.divisionPaths.flatMap((path) => divisionsAt(data, path))),
        ],
        item: scorable.item(data),
        envelope,
        receivedAt: now,
      },
    },
    { upsert: true, session },
  );
  if (stored.upsertedCount === 0) return 'already-recorded';

  const ruleSet = await activeRuleSet(models.ruleSets, periods.year, session);
  const event = { id: envelope.id, type: envelope.type, time, data };
  const capped = scoreEvent(event, ruleSet, () => 0).filter((intent) => intent.capPeriod !== null);
  const used = new Map<string, number>();
  for (const intent of capped) {
    const key = capKey(intent.rule.id, intent.divisionId, intent.capPeriod ?? '');
    used.set(key, await pointsUsedUnderCap(models, session, intent));
  }
  const intents = scoreEvent(
    event,
    ruleSet,
    (ruleId, divisionId, capPeriod) => used.get(capKey(ruleId, divisionId, capPeriod)) ?? 0,
  );
  if (intents.length > 0) {
    await models.scoreEntries.insertMany(
      intents.map((intent) => ruleEntry(intent, now)),
      { session },
    );
  }
  return 'scored';
}

function capKey(ruleId: string, divisionId: string, capPeriod: string): string {
  return `${ruleId}~${divisionId}~${capPeriod}`;
}

async function pointsUsedUnderCap(
  models: AssessmentModels,
  session: ClientSession,
  intent: ScoreIntent,
): Promise<number> {
  const entries = await models.scoreEntries
    .find(
      {
        divisionId: intent.divisionId,
        'rule.id': intent.rule.id,
        kind: { $in: SCORING_ENTRY_KINDS },
        ...periodFilter(parsePeriod(intent.capPeriod ?? '')),
      },
      { points: 1 },
      { session },
    )
    .lean();
  return roundPoints(entries.reduce((sum, entry) => sum + entry.points, 0));
}

export function ruleEntry(intent: ScoreIntent, now: Date): ScoreEntryRecord {
  return {
    _id: intent.key,
    kind: 'RULE',
    scoreKey: intent.key,
    divisionId: intent.divisionId,
    category: intent.category,
    points: intent.points,
    uncappedPoints: intent.uncappedPoints,
    capPeriod: intent.capPeriod,
    ...intent.periods,
    source: { eventId: intent.eventId, eventType: intent.eventType, eventTime: intent.eventTime },
    rule: intent.rule,
    reason: null,
    correctsEntryId: null,
    recordedByStaffId: null,
    recordedAt: now,
  };
}
