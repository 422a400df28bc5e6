import DataLoader from 'dataloader';
import { isOfficeLeader } from '@heli/auth';
import {
  byIdLoader,
  groupedLoader,
  groupedPageLoader,
  groupedPageLoaders,
  type ConnectionPage,
  type LeanNode,
  type LoaderScope,
} from '@heli/subgraph-runtime';
import type { Model } from 'mongoose';
import { catalogVisibilityFilter, documentVisibilityFilter } from './access/visibility.rules.js';
import { createDocumentViewRecorder } from './audit/document-view-recorder.js';
import type { CatalogEntryRecord } from './catalog/catalog.model.js';
import { CATALOG_ORDER } from './catalog/catalog-order.js';
import type { Clock } from './clock.js';
import type { CirculationRecord } from './circulation/circulation.model.js';
import { distributionCountsLoader } from './distribution/distribution-counts.js';
import type {
  DistributionRecord,
  ReadingRequestRecord,
} from './distribution/distribution.model.js';
import type { ReadingStatus } from './distribution/distribution.rules.js';
import { readingInbox } from './distribution/reading-inbox.js';
import type { DocumentRecord } from './documents/documents.model.js';
import type { SharingModels } from './models.js';
import type { InfoSubmissionRecord } from './info-collection/info-collection.model.js';
import { submissionVisibilityFilter } from './info-collection/info-collection.rules.js';
import type { InstructionRecord } from './instructions/instructions.model.js';
import { distributionStatsLoader } from './organisation/distribution-stats.js';
import { isSecretariatStaff } from './organisation/secretariat.js';
import { readingRatesLoader } from './statistics/reading-rates.js';

/**
 * Per-request DataLoaders: every lookup by id, `__resolveReference` included, batches here.
 * Documents and catalogue entries are loaded only through the viewer's visibility filter, so an
 * id the viewer may not see resolves to null exactly like an id that does not exist.
 */
export function sharingLoaders(clock: Clock) {
  return ({ models, viewer }: LoaderScope<SharingModels>) => {
    // The request's one instant: lists filtered by time (overdue readings) share one filter, so
    // their parents share one grouped loader.
    const now = clock.now();
    return {
      now,
      document: visibleByIdLoader<DocumentRecord>(
        models.documents,
        documentVisibilityFilter(viewer),
      ),
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
      /** `Distribution.readingRequests`: the first pages of many distributions in one aggregation. */
      distributionReadings: groupedPageLoaders(models.readingRequests, 'distributionId'),
      /** `Distribution.recipientCount` and the other counts: one aggregation for many distributions. */
      distributionCounts: distributionCountsLoader(models.readingRequests, now),
      /** `Division.distributionStats` for many divisions at once. */
      distributionStats: distributionStatsLoader(models, viewer, now),
      /** `Document.distributions`: those the viewer's division sent (all, for office leadership). */
      documentDistributions: groupedLoader<DistributionRecord>(models.distributions, 'documentId', {
        filter: isOfficeLeader(viewer) ? {} : { senderDivisionId: viewer.divisionId },
        sort: { distributedAt: 1, _id: 1 },
      }),
      documentInstructions: groupedLoader<InstructionRecord>(models.instructions, 'documentId', {
        sort: { issuedAt: 1, _id: 1 },
      }),
      documentCirculations: groupedLoader<CirculationRecord>(models.circulations, 'documentId', {
        sort: { startedAt: 1, _id: 1 },
      }),
      /** `Statistics.readingRates` of several years in one query. */
      readingRates: readingRatesLoader(models.readingRequests, viewer),
      distribution: byIdLoader(models.distributions),
      readingRequest: byIdLoader(models.readingRequests),
      circulation: byIdLoader(models.circulations),
      infoSubmission: byIdLoader(models.infoSubmissions),
      infoDigest: byIdLoader(models.infoDigests),
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
              (instruction) =>
                instruction._id === id && visibleDocuments.has(instruction.documentId),
            ) ?? null,
        );
      }),
      /**
       * `Staff.readingInbox`, which answers only for the caller: a gateway asking for the caller
       * under many representations gets one page, not one per representation.
       */
      ownReadingInbox: new DataLoader<
        InboxPage,
        ConnectionPage<LeanNode<ReadingRequestRecord>>,
        string
      >(
        (pages) =>
          Promise.all(
            pages.map(({ countTotal, ...args }) =>
              readingInbox({ models }, viewer, args, now, { countTotal }),
            ),
          ),
        { cacheKeyFn: (page) => JSON.stringify(page) },
      ),
      documentViews: createDocumentViewRecorder(models.documentViews, viewer, clock),
    };
  };
}

/** One page of the caller's reading inbox, as `Staff.readingInbox` asks for it. */
export interface InboxPage {
  status?: ReadingStatus | null;
  first?: number | null;
  after?: string | null;
  countTotal: boolean;
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
