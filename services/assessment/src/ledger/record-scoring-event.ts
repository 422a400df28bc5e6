import type { EventEnvelope } from '@heli/event-contracts';
import type { ClientSession } from 'mongoose';
import { parsePeriod, periodFilter, periodKeysOf } from '../periods/period.js';
import { findScorableEvent } from '../scoring-events/scorable-events.js';
import { divisionsAt } from '../scoring-rules/target-path.js';
import { activeRuleSet } from '../scoring-rules/active-rule-set.js';
import type { AssessmentModels } from '../models.js';
import { projectEntries } from './division-standings.js';
import type { ScoreEntryRecord } from './ledger.model.js';
import { roundPoints, scoreEvent, type ScoreIntent } from './score-event.rules.js';
import { inScoringOrder } from '../recompute/recompute.rules.js';
import type { ScoringEventRecord } from '../scoring-events/scoring-events.model.js';
import type { ScoringRuleSet } from '../scoring-rules/scoring-rule.js';

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
  const [outcome] = await recordScoringEvents(models, session, [envelope], now);
  return outcome!;
}

/**
 * `recordScoringEvent` for many events at once, with round trips per batch instead of per event:
 * one lookup and one insert of the stored events, one read of the active rules per year, one
 * ledger query per capped (rule, division, cap period), one insert of all entries. Events are
 * scored in time order, then id, with caps used up in that order — the order recompute replays
 * them in — so a batch gives the same entries as scoring its events one by one in that order.
 * Returns each envelope's outcome, in the order given.
 */
export async function recordScoringEvents(
  models: AssessmentModels,
  session: ClientSession,
  envelopes: readonly EventEnvelope[],
  now: Date = new Date(),
): Promise<RecordOutcome[]> {
  const outcomes = new Map<EventEnvelope, RecordOutcome>();
  const candidates = new Map<string, EventEnvelope>();
  for (const envelope of envelopes) {
    if (!findScorableEvent(envelope.type)) outcomes.set(envelope, 'not-scorable');
    else if (candidates.has(envelope.id)) outcomes.set(envelope, 'already-recorded');
    else candidates.set(envelope.id, envelope);
  }
  if (candidates.size > 0) {
    const stored = await models.scoringEvents
      .find({ _id: { $in: [...candidates.keys()] } }, { _id: 1 }, { session })
      .lean();
    for (const { _id } of stored) {
      outcomes.set(candidates.get(_id)!, 'already-recorded');
      candidates.delete(_id);
    }
  }
  if (candidates.size === 0) return envelopes.map((envelope) => outcomes.get(envelope)!);
  const fresh = inScoringOrder(
    [...candidates.values()].map((envelope) => ({
      envelope,
      id: envelope.id,
      time: new Date(envelope.time),
    })),
  ).map(({ envelope, time }) => ({
    envelope,
    event: { id: envelope.id, type: envelope.type, time, data: envelope.data },
  }));

  // lean: the records are built whole by the typed code here, so mongoose's casting and
  // validation would only re-check them, and for hundreds of documents a batch that re-check was
  // a large share of its CPU time (bench part 3: 0.61 → 0.32 ms per event in one run).
  await models.scoringEvents.insertMany(
    fresh.map(({ envelope, event }) => storedEvent(envelope, event.time, now)),
    { session, lean: true },
  );

  const ruleSets = new Map<number, ScoringRuleSet>();
  for (const year of new Set(fresh.map(({ event }) => periodKeysOf(event.time).year))) {
    ruleSets.set(year, await activeRuleSet(models.ruleSets, year, session));
  }
  const ruleSetOf = (time: Date) => ruleSets.get(periodKeysOf(time).year)!;

  // What each capped (rule, division, period) group already holds in the ledger, read once per
  // group; from there the batch keeps count itself as it scores in order.
  const used = new Map<string, number>();
  for (const { event } of fresh) {
    for (const intent of scoreEvent(event, ruleSetOf(event.time), () => 0)) {
      if (intent.capPeriod === null) continue;
      const key = capKey(intent.rule.id, intent.divisionId, intent.capPeriod);
      if (!used.has(key)) used.set(key, await pointsUsedUnderCap(models, session, intent));
    }
  }
  const entries: ScoreEntryRecord[] = [];
  for (const { envelope, event } of fresh) {
    const intents = scoreEvent(
      event,
      ruleSetOf(event.time),
      (ruleId, divisionId, capPeriod) => used.get(capKey(ruleId, divisionId, capPeriod)) ?? 0,
    );
    for (const intent of intents) {
      if (intent.capPeriod !== null) {
        const key = capKey(intent.rule.id, intent.divisionId, intent.capPeriod);
        used.set(key, roundPoints((used.get(key) ?? 0) + intent.points));
      }
      entries.push(ruleEntry(intent, now));
    }
    outcomes.set(envelope, 'scored');
  }
  if (entries.length > 0) {
    await models.scoreEntries.insertMany(entries, { session, lean: true }); // lean: as above
    await projectEntries(models, session, entries);
  }
  return envelopes.map((envelope) => outcomes.get(envelope)!);
}

function storedEvent(envelope: EventEnvelope, time: Date, now: Date): ScoringEventRecord {
  const scorable = findScorableEvent(envelope.type)!;
  const data = envelope.data as Record<string, unknown>;
  return {
    _id: envelope.id,
    type: envelope.type,
    time,
    ...periodKeysOf(time),
    divisionIds: [...new Set(scorable.divisionPaths.flatMap((path) => divisionsAt(data, path)))],
    item: scorable.item(data),
    envelope,
    receivedAt: now,
  };
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
