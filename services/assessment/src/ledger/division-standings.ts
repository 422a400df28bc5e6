import type { ClientSession } from 'mongoose';
import type { RankedTotal } from '../evaluations/evaluations.rules.js';
import type { AssessmentModels } from '../models.js';
import { SCORE_CATEGORIES, type ScoreCategory } from '../scoring-rules/scoring-rule.js';
import {
  standingId,
  standingsCollection,
  type DivisionStandingRecord,
} from './division-standings.model.js';
import { periodRanks, standingChanges, type StandingTotals } from './division-standings.rules.js';
import type { ScoreEntryRecord } from './ledger.model.js';
import { roundPoints } from './score-event.rules.js';
import { standingsReader } from './standings-reader.js';
import type { DivisionTotals } from './score-totals.js';

type EntryPoints = Pick<
  ScoreEntryRecord,
  'divisionId' | 'category' | 'points' | 'year' | 'quarter' | 'month'
>;

const zeroPoints = () =>
  Object.fromEntries(SCORE_CATEGORIES.map((c) => [c, 0])) as Record<ScoreCategory, number>;

/**
 * Adds entries just appended to the ledger to the standings of their divisions, and ranks the
 * periods they touch again — with `session`, so it commits or aborts with the entries. Exactly
 * once per entry: the ledger's unique `_id` refuses a second copy of an entry (and the consumer's
 * `processed_events` marker a second delivery) in the same transaction, so a redelivered event
 * never adds twice. Every writer of the ledger calls this right after its insert.
 */
export async function projectEntries(
  models: AssessmentModels,
  session: ClientSession,
  entries: readonly EntryPoints[],
): Promise<void> {
  const changes = standingChanges(entries);
  if (changes.length === 0) return;
  await standingsCollection(models.divisionStandings).bulkWrite(
    changes.map(({ period, divisionId, total, points }) => ({
      updateOne: {
        filter: { _id: standingId(period, divisionId) },
        update: {
          $setOnInsert: { period, divisionId },
          $inc: {
            total,
            ...Object.fromEntries(
              Object.entries(points).map(([category, p]) => [`points.${category}`, p]),
            ),
          },
        },
        upsert: true,
      },
    })),
    { session, ordered: false },
  );
  await rankPeriods(models, session, [...new Set(changes.map((c) => c.period))]);
}

/**
 * Ranks every division of the given periods again (whole and per category): those with
 * standings and every division responsibility announced, which joins with 0. Writes only the
 * ranks that changed.
 */
export async function rankPeriods(
  models: AssessmentModels,
  session: ClientSession,
  periods: readonly string[],
): Promise<void> {
  if (periods.length === 0) return;
  // One after the other: operations of one transaction's session must not run concurrently.
  const stored = await models.divisionStandings
    .find({ period: { $in: [...periods] } }, null, { session })
    .lean<DivisionStandingRecord[]>();
  const known = await models.knownDivisions.find({}, { _id: 1 }, { session }).lean();
  const writes = [];
  for (const period of periods) {
    const inPeriod = new Map<string, DivisionStandingRecord | null>(
      stored.filter((s) => s.period === period).map((s) => [s.divisionId, s]),
    );
    for (const { _id } of known) if (!inPeriod.has(_id)) inPeriod.set(_id, null);
    const totals: StandingTotals[] = [...inPeriod].map(([divisionId, s]) => ({
      divisionId,
      total: roundPoints(s?.total ?? 0),
      points: { ...zeroPoints(), ...s?.points },
    }));
    for (const [divisionId, { rank, categoryRanks }] of periodRanks(totals)) {
      const current = inPeriod.get(divisionId);
      if (
        current &&
        current.rank === rank &&
        SCORE_CATEGORIES.every((c) => current.categoryRanks?.[c] === categoryRanks[c])
      )
        continue;
      writes.push({
        updateOne: {
          filter: { _id: standingId(period, divisionId) },
          update: {
            $set: { rank, categoryRanks },
            ...(current
              ? {}
              : { $setOnInsert: { period, divisionId, total: 0, points: zeroPoints() } }),
          },
          upsert: true,
        },
      });
    }
  }
  if (writes.length > 0) {
    await standingsCollection(models.divisionStandings).bulkWrite(writes, {
      session,
      ordered: false,
    });
  }
}

/** A division joined the ranking: every period with standings ranks it, with 0, from now on. */
export async function rankNewDivision(
  models: AssessmentModels,
  session: ClientSession,
): Promise<void> {
  const periods = await models.divisionStandings
    .find({}, { period: 1 }, { session })
    .lean<Pick<DivisionStandingRecord, 'period'>[]>();
  await rankPeriods(models, session, [...new Set(periods.map((p) => p.period))]);
}

/**
 * Builds the standings from the whole ledger, for a database written before they existed: one
 * aggregation, then the same projection the writers use. Does nothing when standings exist.
 */
export async function buildMissingStandings(models: AssessmentModels): Promise<boolean> {
  if ((await models.divisionStandings.estimatedDocumentCount()) > 0) return false;
  if ((await models.scoreEntries.estimatedDocumentCount()) === 0) return false;
  await models.scoreEntries.db.transaction(async (session) => {
    if ((await models.divisionStandings.findOne({}, { _id: 1 }, { session }).lean()) !== null)
      return;
    const sums = await models.scoreEntries.aggregate<{
      _id: Omit<EntryPoints, 'points'>;
      points: number;
    }>(
      [
        {
          $group: {
            _id: {
              divisionId: '$divisionId',
              category: '$category',
              year: '$year',
              quarter: '$quarter',
              month: '$month',
            },
            points: { $sum: '$points' },
          },
        },
      ],
      { session },
    );
    await projectEntries(
      models,
      session,
      sums.map(({ _id, points }) => ({ ..._id, points })),
    );
  });
  return true;
}

/**
 * The standings of `<period>|<divisionId>` keys, in key order; 0 for a division with none. Read
 * with the other requests in flight (`standingsReader`).
 */
export async function standingsOf(
  models: AssessmentModels,
  keys: readonly { period: string; divisionId: string }[],
): Promise<DivisionTotals[]> {
  const found = await standingsReader(models).loadMany(
    keys.map((k) => standingId(k.period, k.divisionId)),
  );
  return keys.map(({ divisionId }, i) => {
    const standing = found[i];
    if (standing instanceof Error) throw standing;
    return {
      divisionId,
      total: roundPoints(standing?.total ?? 0),
      byCategory: SCORE_CATEGORIES.map((category) => ({
        category,
        points: roundPoints(standing?.points?.[category] ?? 0),
      })),
    };
  });
}

/**
 * A period's ranking (optionally by one category) as the standings hold it, best first. A period
 * nothing was scored in yet ranks every announced division level, with 0.
 */
export async function rankingOf(
  models: AssessmentModels,
  period: string,
  category?: ScoreCategory,
): Promise<RankedTotal[]> {
  const standings = await models.divisionStandings
    .find({ period })
    .lean<DivisionStandingRecord[]>();
  if (standings.length === 0) {
    const known = await models.knownDivisions.find({}, { _id: 1 }).lean();
    return known
      .map(({ _id }) => ({ divisionId: _id, total: 0, rank: 1 }))
      .sort((a, b) => (a.divisionId < b.divisionId ? -1 : 1));
  }
  return standings
    .map((s) => ({
      divisionId: s.divisionId,
      total: roundPoints(category ? (s.points?.[category] ?? 0) : s.total),
      rank: category ? (s.categoryRanks?.[category] ?? 0) : s.rank,
    }))
    .sort(
      (a, b) =>
        a.rank - b.rank || (a.divisionId < b.divisionId ? -1 : a.divisionId > b.divisionId ? 1 : 0),
    );
}
