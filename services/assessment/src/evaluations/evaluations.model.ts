import { Schema, type Connection, type Model } from 'mongoose';
import { GRADES, type Grade } from './evaluations.rules.js';

/**
 * A published evaluation (考评) of one division for one period, as it stood when published.
 * Publishing again (after corrections or a rule change) stores the next version beside it.
 */
export interface PublishedEvaluationRecord {
  /** `<period>:<divisionId>:v<version>` */
  _id: string;
  divisionId: string;
  period: string;
  version: number;
  total: number;
  byCategory: Record<string, number>;
  rank: number;
  rankedDivisions: number;
  grade: Grade;
  ruleSetVersion: number;
  publishedByStaffId: string;
  publishedAt: Date;
}

const evaluationSchema = new Schema<PublishedEvaluationRecord>(
  {
    _id: { type: String, required: true },
    divisionId: { type: String, required: true },
    period: { type: String, required: true },
    version: { type: Number, required: true },
    total: { type: Number, required: true },
    byCategory: { type: Schema.Types.Mixed, required: true },
    rank: { type: Number, required: true },
    rankedDivisions: { type: Number, required: true },
    grade: { type: String, enum: GRADES, required: true },
    ruleSetVersion: { type: Number, required: true },
    publishedByStaffId: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  { collection: 'published_evaluations', versionKey: false },
);
evaluationSchema.index({ divisionId: 1, period: 1, version: -1 }, { unique: true });

export type EvaluationModel = Model<PublishedEvaluationRecord>;

export function evaluationModel(conn: Connection): EvaluationModel {
  return (
    (conn.models['PublishedEvaluation'] as EvaluationModel | undefined) ??
    conn.model('PublishedEvaluation', evaluationSchema)
  );
}

export function publishedEvaluationId(period: string, divisionId: string, version: number) {
  return `${period}:${divisionId}:v${version}`;
}
