import DataLoader from 'dataloader';
import type { HeliClaims } from '@heli/auth';
import { currentRequestId } from '@heli/service-kit';
import { isAuditedClassification } from '../access/visibility.rules.js';
import type { DocumentRecord } from '../documents/documents.model.js';
import { newEntityId } from '../records/entity-id.js';
import type { DocumentViewModel } from './audit.model.js';

/**
 * Records views of CONFIDENTIAL+ documents for one request. Every path that hands a document to
 * the caller awaits `record` first, so no classified document leaves without its audit record.
 * Views in one tick become one insert; the same document through the same path is recorded once
 * per request.
 */
export function createDocumentViewRecorder(
  model: DocumentViewModel,
  viewer: HeliClaims,
  clock: { now(): Date },
) {
  const batch = new DataLoader<{ document: DocumentRecord; via: string }, true, string>(
    async (views) => {
      const viewedAt = clock.now();
      const requestId = currentRequestId() ?? 'none';
      await model.insertMany(
        views.map(({ document, via }) => ({
          _id: newEntityId('view'),
          documentId: document._id,
          classification: document.classification,
          staffId: viewer.sub,
          divisionId: viewer.divisionId,
          via,
          requestId,
          viewedAt,
        })),
      );
      return views.map(() => true as const);
    },
    { cacheKeyFn: ({ document, via }) => `${document._id}|${via}` },
  );

  return {
    /** Returns the documents once the audited ones among them are recorded. */
    async record<T extends DocumentRecord | null>(documents: T[], via: string): Promise<T[]> {
      await Promise.all(
        documents
          .filter(
            (document): document is NonNullable<T> =>
              document !== null && isAuditedClassification(document.classification),
          )
          .map((document) => batch.load({ document, via })),
      );
      return documents;
    },
  };
}

export type DocumentViewRecorder = ReturnType<typeof createDocumentViewRecorder>;
