import { randomUUID } from 'node:crypto';
import { canRead, compareClassification, type Classification, type HeliClaims } from '@heli/auth';
import { incomingDocumentEvents, liaisonEvents } from '@heli/event-contracts';
import type { Outbox } from '@heli/event-bus';
import {
  badInput,
  conflict,
  forbidden,
  isDuplicateKeyError,
  notFound,
} from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import { canReadDocument, canSendDocuments } from '../access/liaison-access.rules.js';
import type { LiaisonModels } from '../models.js';
import { linkTo, type LiaisonSettings } from '../settings.js';
import { enqueueMessages } from '../transport/enqueue-message.js';
import type { DocumentBody } from '../transport/liaison-message.js';
import { CLASSIFICATION_NAMES } from './classification-names.js';
import type { AddressedOffice, OfficialDocumentRecord } from './document.model.js';
import { chinaDate, elementProblems, type Urgency } from './gbt9704.rules.js';
import {
  ALLOWED_DIRECTIONS,
  KIND_NAMES,
  directionTo,
  documentDirection,
  xingwenViolations,
  type DocumentKind,
  type RecipientOffice,
} from './xingwen.rules.js';

export interface SendDocumentInput {
  kind: DocumentKind;
  mainRecipientIds: readonly string[];
  ccRecipientIds?: readonly string[] | null;
  copyNumber?: string | null;
  classification: Classification;
  secrecyPeriodYears?: number | null;
  urgency?: Urgency | null;
  documentNumber: string;
  signer?: string | null;
  title: string;
  body: string;
  writtenOn: string;
  attachments?: readonly string[] | null;
  inReplyToId?: string | null;
}

interface Scope {
  models: LiaisonModels;
  outbox: Outbox;
  viewer: HeliClaims;
}

const officeScope = (settings: LiaisonSettings) => ({
  officeId: settings.office.id,
  secretariatDivisionId: settings.office.secretariatDivisionId,
});

/** The matter a document's messages (the document, its receipts) are ordered in. */
export const documentMatterKey = (documentId: string) => `document:${documentId}`;

/** The refusal of a document: every problem in one error, the rules of 行文 named by code. */
function refuse(problems: string[], rules: string[]): never {
  throw badInput(problems.join('；'), { problems, rules });
}

/**
 * 发文: checks the document against the rules of 行文, the GB/T 9704 elements and each link's
 * classification, then stores it with one outbox message per addressed office — all in one
 * transaction, so a refused document sends nothing and an accepted one reaches every office.
 */
export async function sendOfficialDocument(
  { models, outbox, viewer }: Scope,
  settings: LiaisonSettings,
  input: SendDocumentInput,
): Promise<OfficialDocumentRecord> {
  if (!canSendDocuments(viewer, officeScope(settings))) {
    throw forbidden('只有本机关领导、管理员和秘书处人员可以以本机关名义发文');
  }
  const now = settings.clock.now();
  const problems: string[] = [];
  const rules: string[] = [];

  const resolve = (ids: readonly string[]): RecipientOffice[] =>
    ids.flatMap((officeId) => {
      const link = linkTo(settings, officeId);
      if (link === undefined) {
        problems.push(`本机关未与“${officeId}”建立联络，不能向其行文`);
        return [];
      }
      return [{ officeId, name: link.name, relation: link.relation }];
    });
  const main = resolve(input.mainRecipientIds);
  const cc = resolve(input.ccRecipientIds ?? []);

  let answered: OfficialDocumentRecord | null = null;
  if (input.inReplyToId != null) {
    answered = await models.documents.findOne({ _id: input.inReplyToId, box: 'INCOMING' }).lean();
    if (answered === null || !canReadDocument(viewer, officeScope(settings), answered)) {
      answered = null;
      problems.push('所答复的收文不存在');
    }
  }

  const elements = {
    copyNumber: input.copyNumber ?? null,
    classification: input.classification,
    secrecyPeriodYears: input.secrecyPeriodYears ?? null,
    urgency: input.urgency ?? 'NORMAL',
    documentNumber: input.documentNumber.trim(),
    signer: input.signer?.trim() || null,
    title: input.title.trim(),
    body: input.body,
    writtenOn: input.writtenOn,
    attachments: (input.attachments ?? []).map((name) => name.trim()),
  };
  problems.push(...elementProblems(elements, chinaDate(now)));

  for (const violation of xingwenViolations({
    kind: input.kind,
    main,
    cc,
    signer: elements.signer,
    inReplyTo:
      answered === null
        ? null
        : { kind: answered.kind, fromOfficeId: answered.issuingOfficeId, title: answered.title },
  })) {
    // Main recipients were named but none is linked: that problem is already said, by name.
    if (violation.rule === 'NO_MAIN_RECIPIENT' && input.mainRecipientIds.length > 0) continue;
    problems.push(violation.message);
    rules.push(violation.rule);
  }

  if (!canRead(viewer.clearance, input.classification)) {
    problems.push('不能发出密级高于本人涉密等级的公文');
  }
  for (const office of [...main, ...cc]) {
    const link = linkTo(settings, office.officeId)!;
    if (compareClassification(input.classification, link.maxClassification) > 0) {
      problems.push(
        `与${link.name}的联络线路最高传输${CLASSIFICATION_NAMES[link.maxClassification]}公文，` +
          `${CLASSIFICATION_NAMES[input.classification]}公文不能经此线路发送`,
      );
      rules.push('LINK_CLASSIFICATION');
    }
  }
  if (problems.length > 0) refuse(problems, [...new Set(rules)]);

  const id = randomUUID();
  const recipients: AddressedOffice[] = [
    ...main.map((office) => ({
      officeId: office.officeId,
      name: office.name,
      role: 'MAIN' as const,
    })),
    ...cc.map((office) => ({ officeId: office.officeId, name: office.name, role: 'CC' as const })),
  ];
  const record: Omit<OfficialDocumentRecord, 'deliveries' | 'createdAt' | 'updatedAt'> = {
    _id: id,
    box: 'OUTGOING',
    kind: input.kind,
    direction: documentDirection(main)!,
    ...elements,
    issuingOfficeId: settings.office.id,
    issuingOfficeName: settings.office.name,
    recipients,
    inReplyToId: answered?._id ?? null,
    sentByStaffId: viewer.sub,
    sentAt: now,
    receivedAt: null,
    signedForAt: null,
    signedForByStaffId: null,
  };
  const wireBody: DocumentBody = {
    documentId: id,
    kind: record.kind,
    direction: record.direction,
    copyNumber: record.copyNumber,
    secrecyPeriodYears: record.secrecyPeriodYears,
    urgency: record.urgency,
    issuingOfficeName: record.issuingOfficeName,
    documentNumber: record.documentNumber,
    signer: record.signer,
    title: record.title,
    body: record.body,
    recipients,
    writtenOn: record.writtenOn,
    attachments: record.attachments,
    inReplyToId: record.inReplyToId,
  };

  try {
    return await outbox.withTransaction(async ({ session, emit }) => {
      const messageIds = await enqueueMessages(
        models,
        settings,
        session,
        recipients.map((office) => ({
          to: office.officeId,
          kind: 'DOCUMENT' as const,
          matterKey: documentMatterKey(id),
          classification: record.classification,
          body: wireBody,
        })),
      );
      const deliveries = recipients.map((office, index) => ({
        ...office,
        messageId: messageIds[index]!,
        signedForAt: null,
      }));
      const [created] = await models.documents.create([{ ...record, deliveries }], { session });
      emit(
        liaisonEvents.documentSent,
        {
          documentId: id,
          kind: record.kind,
          documentNumber: record.documentNumber,
          title: record.title,
          classification: record.classification,
          recipientOfficeIds: recipients.map((office) => office.officeId),
          sentByStaffId: viewer.sub,
          sentAt: now.toISOString(),
        },
        { subject: id },
      );
      return created!.toObject();
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      throw conflict(`发文字号“${record.documentNumber}”已经使用过`);
    }
    throw error;
  }
}

/** Puts a failed delivery back in the queue, e.g. after the link's keys were fixed. */
export async function retryDocumentDelivery(
  { models, viewer }: Scope,
  settings: LiaisonSettings,
  documentId: string,
  officeId: string,
): Promise<OfficialDocumentRecord> {
  const scope = officeScope(settings);
  const document = await models.documents.findOne({ _id: documentId, box: 'OUTGOING' }).lean();
  if (document === null || !canReadDocument(viewer, scope, document)) {
    throw notFound(`发文“${documentId}”`);
  }
  if (!canSendDocuments(viewer, scope))
    throw forbidden('只有本机关领导、管理员和秘书处人员可以重发公文');
  const delivery = document.deliveries.find((candidate) => candidate.officeId === officeId);
  if (delivery === undefined) throw notFound(`发往“${officeId}”的送达记录`);
  const requeued = await models.outgoingMessages.updateOne(
    { _id: delivery.messageId, status: 'FAILED' },
    { $set: { status: 'PENDING', attempts: 0, nextAttemptAt: settings.clock.now() } },
  );
  if (requeued.modifiedCount === 0) throw conflict('只有发送失败的公文可以重发');
  return document;
}

/**
 * A document from another office, checked again here — the sending office's rules are not taken
 * on trust — and registered as 收文 in the receiver's transaction. A second delivery finds it.
 * Returns the reason to refuse it, or null when it was registered (or already was).
 */
export async function receiveDocument(
  models: LiaisonModels,
  outbox: Outbox,
  settings: LiaisonSettings,
  session: ClientSession,
  message: { from: string; classification: Classification; body: DocumentBody },
  now: Date,
): Promise<string | null> {
  const link = linkTo(settings, message.from)!;
  const { body } = message;
  // Seen from here the sender is HIGHER when it is above: its document travels DOWNWARD.
  const direction = ({ UPWARD: 'DOWNWARD', DOWNWARD: 'UPWARD', HORIZONTAL: 'HORIZONTAL' } as const)[
    directionTo(link.relation)
  ];
  if (!ALLOWED_DIRECTIONS[body.kind].includes(direction) || body.direction !== direction) {
    return `行文方向不符合规定：${link.name}不能向本机关发送“${KIND_NAMES[body.kind]}”`;
  }
  if (compareClassification(message.classification, link.maxClassification) > 0) {
    return `与${link.name}的联络线路最高传输${CLASSIFICATION_NAMES[link.maxClassification]}公文`;
  }
  if (!body.recipients.some((office) => office.officeId === settings.office.id)) {
    return '本机关不是该公文的主送或抄送机关';
  }
  if (await models.documents.exists({ _id: body.documentId }).session(session)) return null;
  await models.documents.create(
    [
      {
        _id: body.documentId,
        box: 'INCOMING',
        kind: body.kind,
        direction,
        copyNumber: body.copyNumber,
        classification: message.classification,
        secrecyPeriodYears: body.secrecyPeriodYears,
        urgency: body.urgency,
        issuingOfficeId: message.from,
        issuingOfficeName: body.issuingOfficeName,
        documentNumber: body.documentNumber,
        signer: body.signer,
        title: body.title,
        body: body.body,
        recipients: body.recipients,
        writtenOn: body.writtenOn,
        attachments: body.attachments,
        inReplyToId: body.inReplyToId,
        deliveries: [],
        sentByStaffId: null,
        sentAt: now,
        receivedAt: now,
        signedForAt: null,
        signedForByStaffId: null,
      },
    ],
    { session },
  );
  // Sharing registers it as 收文 for the secretariat to sign for (签收) and distribute.
  await outbox.emitIn(
    session,
    incomingDocumentEvents.incomingDocumentArrived,
    {
      exchangeId: body.documentId,
      officeId: settings.office.id,
      fromOfficeId: message.from,
      fromOfficeName: body.issuingOfficeName,
      kind: body.kind,
      direction,
      role: body.recipients.find((office) => office.officeId === settings.office.id)!.role,
      documentNumber: body.documentNumber,
      title: body.title,
      body: body.body,
      classification: message.classification,
      secrecyPeriodYears: body.secrecyPeriodYears,
      copyNumber: body.copyNumber,
      urgency: body.urgency,
      signer: body.signer,
      writtenOn: body.writtenOn,
      attachments: body.attachments,
      inReplyToExchangeId: body.inReplyToId,
      receivedAt: now.toISOString(),
    },
    { subject: body.documentId },
  );
  await outbox.emitIn(
    session,
    liaisonEvents.documentReceived,
    {
      documentId: body.documentId,
      kind: body.kind,
      documentNumber: body.documentNumber,
      title: body.title,
      classification: message.classification,
      fromOfficeId: message.from,
      receivedAt: now.toISOString(),
    },
    { subject: body.documentId },
  );
  return null;
}

/** The other office signed for a document this office sent: 已签收 for that office. */
export async function receiveReceipt(
  models: LiaisonModels,
  session: ClientSession,
  message: { from: string; body: { documentId: string; signedForAt: string } },
): Promise<string | null> {
  const document = await models.documents
    .findOne({ _id: message.body.documentId, box: 'OUTGOING' })
    .session(session)
    .lean();
  if (document === null || !document.deliveries.some((d) => d.officeId === message.from)) {
    return '回执所对应的发文不存在';
  }
  const signedForAt = new Date(message.body.signedForAt);
  const deliveries = document.deliveries.map((delivery) =>
    delivery.officeId === message.from && delivery.signedForAt === null
      ? { ...delivery, signedForAt }
      : delivery,
  );
  await models.documents.updateOne({ _id: document._id }, { $set: { deliveries } }, { session });
  return null;
}
