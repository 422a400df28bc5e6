import { randomUUID } from 'node:crypto';
import type { Classification } from '@heli/auth';
import type { ClientSession } from 'mongoose';
import type { LiaisonModels } from '../models.js';
import type { LiaisonSettings } from '../settings.js';
import type { LiaisonMessage } from './liaison-message.js';

type Body<K extends LiaisonMessage['kind']> = Extract<LiaisonMessage, { kind: K }>['body'];

type Outgoing<K extends LiaisonMessage['kind']> = {
  to: string;
  kind: K;
  matterKey: string;
  classification: Classification;
  body: Body<K>;
};

/**
 * Puts messages to other offices in the liaison outbox, inside the caller's transaction: they are
 * delivered if and only if what they announce commits. Sequences come from one counter per office
 * (one increment for the whole batch), so messages keep the order their transactions committed in.
 */
export async function enqueueMessages<K extends LiaisonMessage['kind']>(
  models: LiaisonModels,
  settings: LiaisonSettings,
  session: ClientSession,
  messages: readonly Outgoing<K>[],
): Promise<string[]> {
  if (messages.length === 0) return [];
  const counter = await models.counters
    .findOneAndUpdate(
      { _id: 'outgoing-message' },
      { $inc: { value: messages.length } },
      { upsert: true, new: true, session },
    )
    .lean();
  const first = counter!.value - messages.length + 1;
  const now = settings.clock.now();
  const records = messages.map((message, index) => {
    const id = randomUUID();
    const sequence = first + index;
    const wire = {
      v: 1,
      id,
      from: settings.office.id,
      to: message.to,
      kind: message.kind,
      matterKey: message.matterKey,
      sequence,
      classification: message.classification,
      sentAt: now.toISOString(),
      body: message.body,
    } as LiaisonMessage;
    return {
      _id: id,
      to: message.to,
      matterKey: message.matterKey,
      sequence,
      message: wire,
      status: 'PENDING' as const,
      attempts: 0,
      lastError: null,
      nextAttemptAt: now,
      deliveredAt: null,
    };
  });
  await models.outgoingMessages.insertMany(records, { session });
  return records.map((record) => record._id);
}

/** One message; see `enqueueMessages`. */
export async function enqueueMessage<K extends LiaisonMessage['kind']>(
  models: LiaisonModels,
  settings: LiaisonSettings,
  session: ClientSession,
  message: Outgoing<K>,
): Promise<string> {
  const [id] = await enqueueMessages(models, settings, session, [message]);
  return id!;
}
