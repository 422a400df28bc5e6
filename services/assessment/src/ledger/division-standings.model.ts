import { Schema, type Connection, type Model, type mongo } from 'mongoose';
import { SCORE_CATEGORIES, type ScoreCategory } from '../scoring-rules/scoring-rule.js';

/**
 * A division's standing in one period ('2026', '2026-Q2', '2026-05'): the sum of its ledger
 * entries, whole and per category, and its competition rank among the period's divisions, whole
 * and per category. A projection of the ledger, written in the same transaction as the entries it
 * sums (`appendToLedger`), so `Division.score` and `Division.rank` read one document instead of
 * aggregating the ledger on every request.
 */
export interface DivisionStandingRecord {
  /** `<period>|<divisionId>`. */
  _id: string;
  period: string;
  divisionId: string;
  total: number;
  points: Record<ScoreCategory, number>;
  /** 0 until the period is ranked, which happens in the same transaction as every change. */
  rank: number;
  categoryRanks: Record<ScoreCategory, number>;
}

const perCategory = Object.fromEntries(
  SCORE_CATEGORIES.map((category) => [category, { type: Number, default: 0 }]),
);

const divisionStandingSchema = new Schema<DivisionStandingRecord>(
  {
    _id: { type: String, required: true },
    period: { type: String, required: true },
    divisionId: { type: String, required: true },
    total: { type: Number, default: 0 },
    points: perCategory,
    rank: { type: Number, default: 0 },
    categoryRanks: perCategory,
  },
  { collection: 'division_standings', versionKey: false },
);
divisionStandingSchema.index({ period: 1 });

export type DivisionStandingModel = Model<DivisionStandingRecord>;

export function divisionStandingModel(conn: Connection): DivisionStandingModel {
  return (
    (conn.models['DivisionStanding'] as DivisionStandingModel | undefined) ??
    conn.model('DivisionStanding', divisionStandingSchema)
  );
}

/**
 * The driver's collection, typed: the projection's writes are `$inc`s and `$set`s built here, and
 * mongoose's casting on upsert would add `$setOnInsert` defaults for the very fields they change.
 */
export function standingsCollection(
  model: DivisionStandingModel,
): mongo.Collection<DivisionStandingRecord> {
  return model.collection as unknown as mongo.Collection<DivisionStandingRecord>;
}

export const standingId = (period: string, divisionId: string) => `${period}|${divisionId}`;
