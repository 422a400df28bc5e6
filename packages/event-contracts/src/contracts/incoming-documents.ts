import { classificationSchema } from '@heli/auth';
import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * 收文 between liaison and sharing inside one office. Liaison receives a 公文 from another office
 * and hands it to sharing, which registers it for the secretariat to sign for (签收) and
 * distribute; sharing announces the 签收 and liaison tells the sending office. Neither reads the
 * other's database: these two events are the whole contract between them.
 */

const id = z.string().min(1);
const isoTime = z.iso.datetime({ offset: true });

/**
 * A document from another office arrived at this office's liaison (checked: signature, 行文,
 * the link's classification) and is to be registered as 收文. `exchangeId` is the id the sending
 * office gave the document, the same in both offices; a registration keyed by it happens once.
 */
export const incomingDocumentArrived = defineEvent({
  context: 'liaison',
  type: 'incoming-document.arrived',
  version: 1,
  data: z.object({
    exchangeId: id,
    /** The receiving office: the one this deployment serves. */
    officeId: id,
    fromOfficeId: id,
    /** 发文机关 */
    fromOfficeName: z.string().min(1),
    /** 公文种类 (《党政机关公文处理工作条例》): REQUEST 请示, NOTICE 通知, REPLY 批复, … */
    kind: z.enum([
      'REQUEST',
      'REPORT',
      'NOTICE',
      'CIRCULAR',
      'OPINION',
      'REPLY',
      'DECISION',
      'LETTER',
    ]),
    direction: z.enum(['UPWARD', 'DOWNWARD', 'HORIZONTAL']),
    /** 主送 or 抄送: how this office is addressed on the document. */
    role: z.enum(['MAIN', 'CC']),
    documentNumber: z.string().min(1),
    title: z.string().min(1),
    body: z.string().min(1),
    classification: classificationSchema,
    secrecyPeriodYears: z.number().int().positive().nullable(),
    copyNumber: z.string().nullable(),
    urgency: z.enum(['NORMAL', 'URGENT', 'EXTRA_URGENT']),
    signer: z.string().nullable(),
    /** 成文日期, YYYY-MM-DD */
    writtenOn: z.iso.date(),
    attachments: z.array(z.string().min(1)),
    /** The exchange id of the document this one answers (a 批复 answers a 请示), if any. */
    inReplyToExchangeId: id.nullable(),
    receivedAt: isoTime,
  }),
});

/** The secretariat signed for (签收) a 收文 registered from another office's document. */
export const incomingDocumentSignedFor = defineEvent({
  context: 'sharing',
  type: 'incoming-document.signed-for',
  version: 1,
  data: z.object({
    exchangeId: id,
    fromOfficeId: id,
    /** The sharing document the 收文 was registered as. */
    documentId: id,
    signedForByStaffId: id,
    signedForAt: isoTime,
  }),
});
