import { on } from '@heli/event-bus';
import { incomingDocumentEvents, liaisonEvents } from '@heli/event-contracts';
import type { EventSubscription, SubgraphRuntime } from '@heli/subgraph-runtime';
import type { LiaisonModels } from '../models.js';
import type { LiaisonSettings } from '../settings.js';
import { enqueueMessage } from '../transport/enqueue-message.js';
import { documentMatterKey } from './documents.commands.js';

export const SIGNED_FOR_CONSUMER = 'liaison-signed-for';

/**
 * 签收 happens on the 收文 in sharing; this tells the sending office (已签收), with a RECEIPT queued
 * behind the document in the same matter, in the transaction that records the event as processed.
 * Only the first 签收 of a document is sent: a redelivered event finds `signedForAt` set.
 */
export function signedForIntake(
  runtime: SubgraphRuntime<LiaisonModels>,
  settings: LiaisonSettings,
  onQueued: () => void,
): EventSubscription {
  const { models, outbox } = runtime;
  return {
    consumerName: SIGNED_FOR_CONSUMER,
    handlers: on(
      incomingDocumentEvents.incomingDocumentSignedFor,
      async ({ data }, { session }) => {
        const signedForAt = new Date(data.signedForAt);
        const signed = await models.documents
          .findOneAndUpdate(
            { _id: data.exchangeId, box: 'INCOMING', signedForAt: null },
            { $set: { signedForAt, signedForByStaffId: data.signedForByStaffId } },
            { new: true, session },
          )
          .lean();
        if (signed === null) return;
        await enqueueMessage(models, settings, session, {
          to: signed.issuingOfficeId,
          kind: 'RECEIPT',
          matterKey: documentMatterKey(signed._id),
          classification: 'PUBLIC',
          body: { documentId: signed._id, signedForAt: data.signedForAt },
        });
        await outbox.emitIn(
          session,
          liaisonEvents.documentSignedFor,
          {
            documentId: signed._id,
            kind: signed.kind,
            documentNumber: signed.documentNumber,
            title: signed.title,
            classification: signed.classification,
            fromOfficeId: signed.issuingOfficeId,
            signedForByStaffId: data.signedForByStaffId,
            signedForAt: data.signedForAt,
          },
          { subject: signed._id },
        );
        onQueued();
      },
    ),
  };
}
