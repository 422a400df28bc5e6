import type { HeliClaims } from '@heli/auth';
import { paginate, type CountChoice } from '@heli/subgraph-runtime';
import type { FilterQuery } from 'mongoose';
import { readableClassifications } from '../access/liaison-access.rules.js';
import type { LiaisonModels } from '../models.js';
import type { LiaisonSettings } from '../settings.js';
import type { DocumentBox, OfficialDocumentRecord } from './document.model.js';
import type { DocumentKind } from './xingwen.rules.js';

export interface DocumentListRequest {
  box: DocumentBox;
  kind?: DocumentKind | null;
  /** Only documents to (outgoing) or from (incoming) this office. */
  officeId?: string | null;
  first?: number | null;
  after?: string | null;
}

/** A page of documents, newest first, of the classifications the viewer may read — nothing else. */
export function listDocuments(
  models: LiaisonModels,
  settings: LiaisonSettings,
  viewer: HeliClaims,
  request: DocumentListRequest,
  count: CountChoice,
) {
  const filter: FilterQuery<OfficialDocumentRecord> = {
    box: request.box,
    classification: {
      $in: readableClassifications(viewer, {
        officeId: settings.office.id,
        secretariatDivisionId: settings.office.secretariatDivisionId,
      }),
    },
    ...(request.kind ? { kind: request.kind } : {}),
  };
  if (request.officeId) {
    if (request.box === 'OUTGOING') filter['deliveries.officeId'] = request.officeId;
    else filter.issuingOfficeId = request.officeId;
  }
  return paginate(
    models.documents,
    filter,
    { first: request.first, after: request.after, sort: { field: 'sentAt', direction: 'DESC' } },
    count,
  );
}
