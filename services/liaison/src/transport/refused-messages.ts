import { randomUUID } from 'node:crypto';
import type { Logger } from '@heli/service-kit';
import type { LiaisonModels } from '../models.js';
import type { LiaisonSettings } from '../settings.js';

/** What was refused: kept in `liaison_refused_messages` for the security officers, and logged. */
export interface Refusal {
  reason: string;
  claimedFrom: string | null;
  messageId: string | null;
  remoteAddress: string | undefined;
}

export async function recordRefusal(
  models: LiaisonModels,
  settings: LiaisonSettings,
  logger: Logger,
  { reason, claimedFrom, messageId, remoteAddress }: Refusal,
): Promise<void> {
  logger.warn({ reason, claimedFrom, messageId, remoteAddress }, 'liaison message refused');
  await models.refusedMessages.create({
    _id: randomUUID(),
    reason,
    claimedFrom,
    messageId,
    remoteAddress: remoteAddress ?? null,
    refusedAt: settings.clock.now(),
  });
}
