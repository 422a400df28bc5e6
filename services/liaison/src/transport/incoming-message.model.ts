import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The liaison inbox: one record per message taken from another office, keyed by the message id,
 * written in the same transaction as the message's effects — so a message delivered twice (the
 * sender retried after a lost answer) finds its record and changes nothing.
 */
export interface IncomingMessageRecord {
  _id: string;
  from: string;
  kind: string;
  matterKey: string;
  sequence: number;
  receivedAt: Date;
}

const schema = new Schema<IncomingMessageRecord>(
  {
    _id: { type: String, required: true },
    from: { type: String, required: true },
    kind: { type: String, required: true },
    matterKey: { type: String, required: true },
    sequence: { type: Number, required: true },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'liaison_inbox', versionKey: false },
);
schema.index({ from: 1, receivedAt: 1 });

export type IncomingMessageModel = Model<IncomingMessageRecord>;

export function incomingMessageModel(conn: Connection): IncomingMessageModel {
  return (
    (conn.models['IncomingMessage'] as IncomingMessageModel | undefined) ??
    conn.model('IncomingMessage', schema)
  );
}

/** Why a message was refused: kept for the security officer (bad signature, unknown office, …). */
export interface RefusedMessageRecord {
  _id: string;
  reason: string;
  claimedFrom: string | null;
  messageId: string | null;
  remoteAddress: string | null;
  refusedAt: Date;
}

const refusedSchema = new Schema<RefusedMessageRecord>(
  {
    _id: { type: String, required: true },
    reason: { type: String, required: true },
    claimedFrom: { type: String, default: null },
    messageId: { type: String, default: null },
    remoteAddress: { type: String, default: null },
    refusedAt: { type: Date, required: true },
  },
  { collection: 'liaison_refused_messages', versionKey: false },
);
refusedSchema.index({ refusedAt: -1 });

export type RefusedMessageModel = Model<RefusedMessageRecord>;

export function refusedMessageModel(conn: Connection): RefusedMessageModel {
  return (
    (conn.models['RefusedMessage'] as RefusedMessageModel | undefined) ??
    conn.model('RefusedMessage', refusedSchema)
  );
}
