import { randomUUID } from 'node:crypto';
import type { Classification } from '@heli/auth';
import type { ClientSession } from 'mongoose';
import type { LiaisonModels } from '../models.js';
import type { LiaisonSettings } from '../settings.js';
import type { LiaisonMessage } from './liaison-message.js';

type Body<K extends LiaisonMessage['kind']> = Extract<LiaisonMessage, { kind: K }>['body'];

/**
 * Puts a message to another office in the liaison outbox, inside the caller's transaction: it is
 * delivered if and only if what it announces commits. The sequence comes from one counter per
 * office, so messages keep the order their transactions committed in.
 */
export async function enqueueMessage<K extends LiaisonMessage['kind']>(
  models: LiaisonModels,
  settings: LiaisonSettings,
  session: ClientSession,
  message: {
    to: string;
    kind: K;
    matterKey: string;
    classification: Classification;
    body: Body<K>;
  },
): Promise<string> {
  const counter = await models.counters
    .findOneAndUpdate(
      { _id: 'outgoing-message' },
      { $inc: { value: 1 } },
      { upsert: true, new: true, session },
    )
    .lean();
  const sequence = counter!.value;
  const now = settings.clock.now();
  const id = randomUUID();
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
  await models.outgoingMessages.create(
    [
      {
        _id: id,
        to: message.to,
        matterKey: message.matterKey,
        sequence,
        message: wire,
        status: 'PENDING',
        attempts: 0,
        lastError: null,
        nextAttemptAt: now,
        deliveredAt: null,
      },
    ],
    { session },
  );
  return id;
}
