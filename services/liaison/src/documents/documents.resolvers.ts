import { canReadDocument } from '../access/liaison-access.rules.js';
import type { LiaisonContext, LiaisonResolvers } from '../context.js';
import type { LiaisonSettings } from '../settings.js';
import type { LiaisonRelay } from '../transport/relay.js';
import type { DocumentRecipientView } from './document-recipient.js';
import type { OfficialDocumentRecord } from './document.model.js';
import { listDocuments } from './document-queries.js';
import { retryDocumentDelivery, sendOfficialDocument } from './documents.commands.js';

/** Resolvers of the documents feature; `relay` is woken after a write that queued messages. */
export function documentsResolvers(
  settings: LiaisonSettings,
  relay: { current: LiaisonRelay | null },
): LiaisonResolvers {
  const scope = {
    officeId: settings.office.id,
    secretariatDivisionId: settings.office.secretariatDivisionId,
  };
  const readable = (ctx: LiaisonContext, document: OfficialDocumentRecord | null) =>
    document !== null && canReadDocument(ctx.viewer, scope, document) ? document : null;
  const recipients = (document: OfficialDocumentRecord, role: 'MAIN' | 'CC') =>
    document.recipients
      .filter((office) => office.role === role)
      .map((office): DocumentRecipientView => ({ ...office, document }));
  const deliveryOf = async (recipient: DocumentRecipientView, ctx: LiaisonContext) => {
    const delivery = recipient.document.deliveries.find((d) => d.officeId === recipient.officeId);
    if (recipient.document.box !== 'OUTGOING' || delivery === undefined) return null;
    return { delivery, message: await ctx.loaders.outgoingMessage.load(delivery.messageId) };
  };

  return {
    Query: {
      officialDocuments: (_, args, ctx, info) =>
        listDocuments(ctx.models, settings, ctx.viewer, args, info),
      officialDocument: async (_, { id }, ctx) =>
        readable(ctx, await ctx.loaders.document.load(id)),
    },
    Mutation: {
      sendOfficialDocument: async (_, { input }, ctx) => {
        const sent = await sendOfficialDocument(ctx, settings, input);
        relay.current?.wake();
        return sent;
      },
      retryDocumentDelivery: async (_, { documentId, officeId }, ctx) => {
        const document = await retryDocumentDelivery(ctx, settings, documentId, officeId);
        relay.current?.wake();
        return document;
      },
    },
    OfficialDocument: {
      id: (document) => document._id,
      issuingOffice: (document) => ({ id: document.issuingOfficeId }),
      mainRecipients: (document) => recipients(document, 'MAIN'),
      ccRecipients: (document) => recipients(document, 'CC'),
      inReplyTo: async (document, _, ctx) =>
        document.inReplyToId === null
          ? null
          : readable(ctx, await ctx.loaders.document.load(document.inReplyToId)),
      replies: async (document, _, ctx) => {
        const replies = await ctx.models.documents
          .find({ inReplyToId: document._id })
          .sort({ sentAt: 1, _id: 1 })
          .limit(100)
          .lean();
        return replies.filter((reply) => readable(ctx, reply) !== null);
      },
      sentBy: (document) => (document.sentByStaffId ? { id: document.sentByStaffId } : null),
      signedForBy: (document) =>
        document.signedForByStaffId ? { id: document.signedForByStaffId } : null,
    },
    DocumentRecipient: {
      office: (recipient) => ({ id: recipient.officeId }),
      officeName: (recipient) => recipient.name,
      delivery: async (recipient, _, ctx) =>
        (await deliveryOf(recipient, ctx))?.message?.status ?? null,
      failureReason: async (recipient, _, ctx) =>
        (await deliveryOf(recipient, ctx))?.message?.lastError ?? null,
      attempts: async (recipient, _, ctx) =>
        (await deliveryOf(recipient, ctx))?.message?.attempts ?? null,
      deliveredAt: async (recipient, _, ctx) =>
        (await deliveryOf(recipient, ctx))?.message?.deliveredAt ?? null,
      signedForAt: async (recipient, _, ctx) =>
        (await deliveryOf(recipient, ctx))?.delivery.signedForAt ?? null,
    },
  };
}
