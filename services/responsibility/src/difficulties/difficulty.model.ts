import { CLASSIFICATIONS, type Classification } from '@heli/auth';
import { Schema, type Connection, type Model } from 'mongoose';
import { DIFFICULTY_STATUSES, type DifficultyStatus } from './difficulties.rules.js';

/** 困难/问题 a division raised, and how office leadership had it resolved. */
export interface DifficultyRecord {
  _id: string;
  divisionId: string;
  /** The matter it blocks, or null for a difficulty on its own. */
  assignmentId: string | null;
  title: string;
  description: string;
  /** A linked difficulty takes its matter's classification. */
  classification: Classification;
  status: DifficultyStatus;
  raisedByStaffId: string;
  raisedAt: Date;
  /** Whom office leadership asked to resolve it. */
  resolverStaffId: string | null;
  resolverAssignedAt: Date | null;
  resolution: string | null;
  resolvedByStaffId: string | null;
  resolvedAt: Date | null;
}

const difficultySchema = new Schema<DifficultyRecord>(
  {
    _id: { type: String, required: true },
    divisionId: { type: String, required: true },
    assignmentId: { type: String, default: null },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    classification: { type: String, enum: CLASSIFICATIONS, required: true },
    status: { type: String, enum: DIFFICULTY_STATUSES, required: true },
    raisedByStaffId: { type: String, required: true },
    raisedAt: { type: Date, required: true },
    resolverStaffId: { type: String, default: null },
    resolverAssignedAt: { type: Date, default: null },
    resolution: { type: String, default: null },
    resolvedByStaffId: { type: String, default: null },
    resolvedAt: { type: Date, default: null },
  },
  { collection: 'difficulties', versionKey: false },
);
difficultySchema.index({ status: 1, raisedAt: 1 });
difficultySchema.index({ divisionId: 1, raisedAt: 1 });
difficultySchema.index({ assignmentId: 1 });

export type DifficultyModel = Model<DifficultyRecord>;

export function difficultyModel(conn: Connection): DifficultyModel {
  return (
    (conn.models['Difficulty'] as DifficultyModel | undefined) ??
    conn.model('Difficulty', difficultySchema)
  );
}
