import DataLoader from 'dataloader';
import { byIdLoader, groupedPageLoader, type LoaderScope } from '@heli/subgraph-runtime';
import type { Model } from 'mongoose';
import { catalogVisibilityFilter, documentVisibilityFilter } from './access/visibility.rules.js';
import { createDocumentViewRecorder } from './audit/document-view-recorder.js';
import type { CatalogEntryRecord } from './catalog/catalog.model.js';
import { CATALOG_ORDER } from './catalog/catalog-order.js';
import type { Clock } from './clock.js';
import type { DocumentRecord } from './documents/documents.model.js';
import type { SharingModels } from './models.js';
import type { InfoSubmissionRecord } from './info-collection/info-collection.model.js';
import { submissionVisibilityFilter } from './info-collection/info-collection.rules.js';
import type { InstructionRecord } from './instructions/instructions.model.js';
import { isSecretariatStaff } from './organisation/secretariat.js';

/**
 * Per-request DataLoaders: every lookup by id, `__resolveReference` included, batches here.
 * Documents and catalogue entries are loaded only through the viewer's visibility filter, so an
 * id the viewer may not see resolves to null exactly like an id that does not exist.
 */
export function sharingLoaders(clock: Clock) {
  return ({ models, viewer }: LoaderScope<SharingModels>) => ({
    document: visibleByIdLoader<DocumentRecord>(models.documents, documentVisibilityFilter(viewer)),
    catalogEntry: visibleByIdLoader<CatalogEntryRecord>(
      models.catalogEntries,
      catalogVisibilityFilter(viewer),
    ),
    /** `Division.catalogEntries`: the first pages of many divisions in one aggregation. */
    divisionCatalogPage: groupedPageLoader(
      models.catalogEntries,
      'sourceDivisionId',
      catalogVisibilityFilter(viewer),
      CATALOG_ORDER,
    ),
    distribution: byIdLoader(models.distributions),
    readingRequest: byIdLoader(models.readingRequests),
    circulation: byIdLoader(models.circulations),
    infoSubmission: byIdLoader(models.infoSubmissions),
    /** Information items by id as the viewer may see them (null otherwise), e.g. for `_entities`. */
    visibleInfoSubmission: new DataLoader<string, InfoSubmissionRecord | null>(async (ids) => {
      const visibility = submissionVisibilityFilter(
        viewer,
        await isSecretariatStaff(models, viewer),
      );
      const found = await models.infoSubmissions
        .find({ $and: [{ _id: { $in: [...ids] } }, visibility] })
        .lean<InfoSubmissionRecord[]>()
        .exec();
      return ids.map((id) => found.find((submission) => submission._id === id) ?? null);
    }),
    /** Instructions by id, null where the viewer may not see the document they are on. */
    visibleInstruction: new DataLoader<string, InstructionRecord | null>(async (ids) => {
      const instructions = await models.instructions
        .find({ _id: { $in: [...ids] } })
        .lean<InstructionRecord[]>()
        .exec();
      const visibleDocuments = new Set(
        (
          await models.documents
            .find(
              {
                $and: [
                  { _id: { $in: instructions.map((instruction) => instruction.documentId) } },
                  documentVisibilityFilter(viewer),
                ],
              },
              { _id: 1 },
            )
            .lean<{ _id: string }[]>()
            .exec()
        ).map((document) => document._id),
      );
      return ids.map(
        (id) =>
          instructions.find(
            (instruction) => instruction._id === id && visibleDocuments.has(instruction.documentId),
          ) ?? null,
      );
    }),
    documentViews: createDocumentViewRecorder(models.documentViews, viewer, clock),
  });
}

export type SharingLoaders = ReturnType<ReturnType<typeof sharingLoaders>>;

function visibleByIdLoader<T>(model: Model<T>, visibility: Record<string, unknown>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = (await model.find({ $and: [{ _id: { $in: ids } }, visibility] }).lean()) as (T & {
      _id: string;
    })[];
    const byId = new Map(found.map((doc) => [doc._id, doc as T]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
