import { canRead, isOfficeLeader, type HeliClaims } from '@heli/auth';
import { readableClassifications } from '../access/visibility.rules.js';
import type { OfficialDocumentKind } from './incoming-registration.model.js';

/** The sharing document a 收文 is registered as: derived from the exchange id, so it is one. */
export const incomingDocumentId = (exchangeId: string) => `document-incoming-${exchangeId}`;

const KIND_NAMES: Record<OfficialDocumentKind, string> = {
  REQUEST: '请示',
  REPORT: '报告',
  NOTICE: '通知',
  CIRCULAR: '通报',
  OPINION: '意见',
  REPLY: '批复',
  DECISION: '决定',
  LETTER: '函',
};

/**
 * The registered document's text: the 公文's body, then its 附件说明 as GB/T 9704 prints it
 * (附件：1. … 2. …), so whoever reads the 收文 sees which attachments it announced.
 */
export function registeredBody(body: string, attachments: readonly string[]): string {
  if (attachments.length === 0) return body;
  const list = attachments.map((name, index) => `${index + 1}. ${name}`).join('\n');
  return `${body}\n\n附件：${list}`;
}

export const officialKindName = (kind: OfficialDocumentKind) => KIND_NAMES[kind];

/**
 * Who handles 收文 from other offices: the secretariat that registered it and the office's
 * leadership, each only within their clearance. Everyone else is told it does not exist.
 */
export function canHandleIncoming(
  viewer: Pick<HeliClaims, 'divisionId' | 'officeId' | 'roles' | 'clearance'>,
  registration: {
    secretariatDivisionId: string;
    officeId: string;
    classification: HeliClaims['clearance'];
  },
): boolean {
  if (!canRead(viewer.clearance, registration.classification)) return false;
  if (viewer.divisionId === registration.secretariatDivisionId) return true;
  return isOfficeLeader(viewer) && viewer.officeId === registration.officeId;
}

/** `canHandleIncoming` as a MongoDB filter, for lists and counts. */
export function incomingRegistrationFilter(
  viewer: Pick<HeliClaims, 'divisionId' | 'officeId' | 'roles' | 'clearance'>,
): Record<string, unknown> {
  const handlers: Record<string, unknown>[] = [];
  if (viewer.divisionId !== null) handlers.push({ secretariatDivisionId: viewer.divisionId });
  if (isOfficeLeader(viewer)) handlers.push({ officeId: viewer.officeId });
  return {
    classification: { $in: readableClassifications(viewer.clearance) },
    $or: handlers.length > 0 ? handlers : [{ _id: null }],
  };
}
