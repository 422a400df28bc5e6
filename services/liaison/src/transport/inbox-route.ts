import { sendJson, type RouteHandler } from '@heli/service-kit';
import { isDuplicateKeyError, type SubgraphRuntime } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import { receiveDocument, receiveReceipt } from '../documents/documents.commands.js';
import { receiveAssignment, receiveMatterUpdate } from '../matters/matters.commands.js';
import type { LiaisonModels } from '../models.js';
import type { LiaisonSettings } from '../settings.js';
import type { LiaisonMessage } from './liaison-message.js';
import { createMessageVerifier, MessageRefused } from './message-signing.js';
import { recordRefusal } from './refused-messages.js';

/** Where another office's relay posts this office's messages, below the liaison's base URL. */
export const INBOX_PATH = '/liaison/v1/messages';

/**
 * The office's inbox: verifies the sender's signature, then applies the message and records its
 * id in one transaction. 200 means taken (or taken before: a duplicate changes nothing); 4xx means
 * refused for good, with the reason, and recorded here; anything else means "try again later".
 */
export function inboxRoute(
  runtime: SubgraphRuntime<LiaisonModels>,
  settings: LiaisonSettings,
): RouteHandler {
  const { models, outbox } = runtime;
  const logger = runtime.logger.child({ component: 'liaison-inbox' });
  const verify = createMessageVerifier(settings.office.id, settings.links);

  function applyMessage(
    message: LiaisonMessage,
    session: ClientSession,
    now: Date,
  ): Promise<string | null> {
    switch (message.kind) {
      case 'DOCUMENT':
        return receiveDocument(models, outbox, settings, session, message, now);
      case 'RECEIPT':
        return receiveReceipt(models, session, message);
      case 'ASSIGNMENT':
        return receiveAssignment(models, settings, session, message);
      case 'MATTER_UPDATE':
        return receiveMatterUpdate(models, session, message);
    }
  }

  async function apply(message: LiaisonMessage): Promise<string | null> {
    return outbox.withTransaction(async ({ session }) => {
      const now = settings.clock.now();
      const refusal = await applyMessage(message, session, now);
      if (refusal !== null) return refusal;
      await models.incomingMessages.create(
        [
          {
            _id: message.id,
            from: message.from,
            kind: message.kind,
            matterKey: message.matterKey,
            sequence: message.sequence,
            receivedAt: now,
          },
        ],
        { session },
      );
      return null;
    });
  }

  return async (req, res, { body }) => {
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'POST a signed liaison message' });
      return;
    }
    let message: LiaisonMessage;
    try {
      message = await verify(body);
    } catch (error) {
      if (!(error instanceof MessageRefused)) throw error;
      await recordRefusal(models, settings, logger, {
        reason: error.message,
        claimedFrom: error.claimedFrom,
        messageId: error.messageId,
        remoteAddress: req.socket.remoteAddress,
      });
      sendJson(res, error.status, { error: error.message });
      return;
    }
    if (await models.incomingMessages.exists({ _id: message.id })) {
      sendJson(res, 200, { status: 'duplicate' });
      return;
    }
    let refusal: string | null;
    try {
      refusal = await apply(message);
    } catch (error) {
      // The same message delivered twice at once: the other delivery's record won.
      if (isDuplicateKeyError(error)) {
        sendJson(res, 200, { status: 'duplicate' });
        return;
      }
      throw error;
    }
    if (refusal !== null) {
      await recordRefusal(models, settings, logger, {
        reason: refusal,
        claimedFrom: message.from,
        messageId: message.id,
        remoteAddress: req.socket.remoteAddress,
      });
      sendJson(res, 422, { error: refusal });
      return;
    }
    sendJson(res, 200, { status: 'accepted' });
  };
}
