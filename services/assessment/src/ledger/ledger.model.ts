import { Schema, type Connection, type Model } from 'mongoose';
import { SCORE_CATEGORIES, type ScoreCategory } from '../scoring-rules/scoring-rule.js';

/**
 * RULE: what a rule gave when the event was scored. RECOMPUTE: a compensating entry written when
 * a new rule set was applied. CORRECTION: an assessor's correction of one score, with a reason.
 */
export const ENTRY_KINDS = ['RULE', 'RECOMPUTE', 'CORRECTION'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** One line of the append-only score ledger. Entries are inserted, never updated or deleted. */
export interface ScoreEntryRecord {
  /**
   * RULE: `<eventId>~<ruleId>~<divisionId>` — the unique `_id` makes a second entry for the same
   * event, rule and division impossible, however often the event arrives. RECOMPUTE:
   * `<that>#<category>@v<ruleSetVersion>`. CORRECTION: `correction-<uuid>`.
   */
  _id: string;
  kind: EntryKind;
  /** `<eventId>~<ruleId>~<divisionId>`: the score this entry adds to. */
  scoreKey: string;
  divisionId: string;
  category: ScoreCategory;
  points: number;
  /** RULE only: the points before the rule's cap. */
  uncappedPoints: number | null;
  capPeriod: string | null;
  year: number;
  quarter: number;
  month: number;
  source: { eventId: string; eventType: string; eventTime: Date };
  rule: { id: string; version: number; ruleSetVersion: number };
  /** Why a RECOMPUTE or CORRECTION entry was written. */
  reason: string | null;
  /** CORRECTION: the entry it corrects. */
  correctsEntryId: string | null;
  recordedByStaffId: string | null;
  recordedAt: Date;
}

/**
 * Every total sums these, so one Infinity (or the NaN it turns into) would break every score and
 * ranking of its period; a write with one fails instead.
 */
const finitePoints = {
  validator: (points: number | null) => points === null || Number.isFinite(points),
  message: 'score entry points must be finite',
};

const scoreEntrySchema = new Schema<ScoreEntryRecord>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ENTRY_KINDS, required: true },
    scoreKey: { type: String, required: true },
    divisionId: { type: String, required: true },
    category: { type: String, enum: SCORE_CATEGORIES, required: true },
    points: { type: Number, required: true, validate: finitePoints },
    uncappedPoints: { type: Number, default: null, validate: finitePoints },
    capPeriod: { type: String, default: null },
    year: { type: Number, required: true },
    quarter: { type: Number, required: true },
    month: { type: Number, required: true },
    source: {
      eventId: { type: String, required: true },
      eventType: { type: String, required: true },
      eventTime: { type: Date, required: true },
    },
    rule: {
      id: { type: String, required: true },
      version: { type: Number, required: true },
      ruleSetVersion: { type: Number, required: true },
    },
    reason: { type: String, default: null },
    correctsEntryId: { type: String, default: null },
    recordedByStaffId: { type: String, default: null },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'score_entries', versionKey: false },
);
scoreEntrySchema.index({ divisionId: 1, year: 1, month: 1 });
scoreEntrySchema.index({ year: 1, month: 1 });
scoreEntrySchema.index({ divisionId: 1, 'rule.id': 1, year: 1, month: 1 });
scoreEntrySchema.index({ scoreKey: 1 });
scoreEntrySchema.index({ 'source.eventId': 1 });

export type ScoreEntryModel = Model<ScoreEntryRecord>;

export function scoreEntryModel(conn: Connection): ScoreEntryModel {
  return (
    (conn.models['ScoreEntry'] as ScoreEntryModel | undefined) ??
    conn.model('ScoreEntry', scoreEntrySchema)
  );
}
