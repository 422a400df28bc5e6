import { Schema, type Connection, type Model } from 'mongoose';
import type { LiaisonMessage } from './liaison-message.js';

/** 待发送, 已送达, 失败(原因). */
export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The liaison outbox: a message to another office, written in the same transaction as what it
 * announces, and delivered by the relay until the other office has taken it. `_id` is the
 * message id, the receiver's inbox key.
 */
export interface OutgoingMessageRecord {
  _id: string;
  to: string;
  matterKey: string;
  sequence: number;
  message: LiaisonMessage;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<OutgoingMessageRecord>(
  {
    _id: { type: String, required: true },
    to: { type: String, required: true },
    matterKey: { type: String, required: true },
    sequence: { type: Number, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: DELIVERY_STATUSES, required: true },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    nextAttemptAt: { type: Date, required: true },
    deliveredAt: { type: Date, default: null },
  },
  { collection: 'liaison_outbox', timestamps: true, versionKey: false, minimize: false },
);
schema.index({ status: 1, to: 1, sequence: 1 });
schema.index({ sequence: 1 }, { unique: true });

export type OutgoingMessageModel = Model<OutgoingMessageRecord>;

export function outgoingMessageModel(conn: Connection): OutgoingMessageModel {
  return (
    (conn.models['OutgoingMessage'] as OutgoingMessageModel | undefined) ??
    conn.model('OutgoingMessage', schema)
  );
}

/** The counter that gives outgoing messages their sequence. */
interface CounterRecord {
  _id: string;
  value: number;
}
const counterSchema = new Schema<CounterRecord>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { collection: 'liaison_counters', versionKey: false },
);
export type CounterModel = Model<CounterRecord>;
export function counterModel(conn: Connection): CounterModel {
  return (
    (conn.models['LiaisonCounter'] as CounterModel | undefined) ??
    conn.model('LiaisonCounter', counterSchema)
  );
}
