import type { EventEnvelope } from '@heli/event-contracts';
import { Schema, type Connection, type Model } from 'mongoose';
import type { ScoredItem } from './scorable-events.js';

/**
 * Every consumed scorable event, kept whole and never changed (append-only): the ledger can be
 * recomputed from these alone, and spot checks sample a division's items from them.
 */
export interface ScoringEventRecord {
  /** The event id. */
  _id: string;
  type: string;
  /** The envelope's time, when it happened. */
  time: Date;
  year: number;
  quarter: number;
  month: number;
  divisionIds: string[];
  item: ScoredItem | null;
  envelope: EventEnvelope;
  receivedAt: Date;
}

const scoringEventSchema = new Schema<ScoringEventRecord>(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    time: { type: Date, required: true },
    year: { type: Number, required: true },
    quarter: { type: Number, required: true },
    month: { type: Number, required: true },
    divisionIds: { type: [String], required: true },
    item: { type: Schema.Types.Mixed, default: null },
    envelope: { type: Schema.Types.Mixed, required: true },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'scoring_events', versionKey: false },
);
scoringEventSchema.index({ year: 1, time: 1, _id: 1 });
scoringEventSchema.index({ divisionIds: 1, year: 1, month: 1 });
scoringEventSchema.index({ 'item.id': 1 });

export type ScoringEventModel = Model<ScoringEventRecord>;

export function scoringEventModel(conn: Connection): ScoringEventModel {
  return (
    (conn.models['ScoringEvent'] as ScoringEventModel | undefined) ??
    conn.model('ScoringEvent', scoringEventSchema)
  );
}
