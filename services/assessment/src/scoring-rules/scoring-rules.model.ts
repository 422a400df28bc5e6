import { Schema, type Connection, type Model } from 'mongoose';
import type { ScoringRuleSet } from './scoring-rule.js';

/** One version of a year's rule set; never changed once stored (a change is a new version). */
export interface ScoringRuleSetRecord extends ScoringRuleSet {
  /** `<year>-v<version>`: two assessors applying on the same version collide here. */
  _id: string;
}

const ruleSetSchema = new Schema<ScoringRuleSetRecord>(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    version: { type: Number, required: true },
    // Rules are plain data (conditions are nested JSON); validated by scoring-rules.rules.ts.
    rules: { type: Schema.Types.Mixed, required: true },
    grading: { type: Schema.Types.Mixed, required: true },
    reason: { type: String, required: true },
    createdByStaffId: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'scoring_rule_sets', versionKey: false },
);
ruleSetSchema.index({ year: 1, version: -1 }, { unique: true });

export type ScoringRuleSetModel = Model<ScoringRuleSetRecord>;

export function scoringRuleSetModel(conn: Connection): ScoringRuleSetModel {
  return (
    (conn.models['ScoringRuleSet'] as ScoringRuleSetModel | undefined) ??
    conn.model('ScoringRuleSet', ruleSetSchema)
  );
}

export function ruleSetId(year: number, version: number): string {
  return `${year}-v${version}`;
}
