import type { HeliClaims } from '@heli/auth';
import { sharingEvents } from '@heli/event-contracts';
import { conflict, forbidden, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { catalogVisibilityFilter, documentVisibilityFilter } from '../access/visibility.rules.js';
import type { DocumentRecord } from '../documents/documents.model.js';
import { newEntityId } from '../records/entity-id.js';
import { lengthProblem, MAX_NOTE_LENGTH } from '../schema/text-limits.js';
import type { SharingWrite } from '../records/sharing-write.js';
import type {
  CatalogCitationRecord,
  CatalogEntryRecord,
  CatalogUseRecord,
} from './catalog.model.js';
import {
  catalogDraftProblems,
  citationRefusal,
  publicationRefusal,
  type CatalogDraft,
} from './catalog.rules.js';
import { entryTerms, indexCatalogEntries, reserveDocNumbers } from './catalog-index.js';

export type PublishCatalogEntryInput = CatalogDraft;

/** A division turns a work output into a 查阅条目 others can find; announced for scoring. */
export async function publishCatalogEntry(
  write: SharingWrite,
  publisher: HeliClaims,
  input: PublishCatalogEntryInput,
  now: Date,
  id: string = newEntityId('entry'),
): Promise<CatalogEntryRecord> {
  const { models, session } = write;
  const refusal = publicationRefusal(input, publisher);
  if (refusal) throw forbidden(refusal);
  let linkedDocument: DocumentRecord | null = null;
  if (input.link?.kind === 'DOCUMENT' && input.link.targetId.trim()) {
    linkedDocument = await models.documents
      .findOne({ $and: [{ _id: input.link.targetId }, documentVisibilityFilter(publisher)] })
      .session(session)
      .lean<DocumentRecord>();
    if (!linkedDocument) throw notFound(`文件 ${input.link.targetId}`);
  }
  rejectProblems(catalogDraftProblems(input, linkedDocument));

  const { termFrequencies, termCount } = entryTerms(input);
  const entry: CatalogEntryRecord = {
    _id: id,
    docNo: await reserveDocNumbers(models, 1, session),
    title: input.title.trim(),
    summary: input.summary.trim(),
    keywords: input.keywords.map((keyword) => keyword.trim()).filter(Boolean),
    officeId: publisher.officeId,
    sourceDivisionId: publisher.divisionId!,
    classification: input.classification,
    link: input.link ? { kind: input.link.kind, targetId: input.link.targetId.trim() } : null,
    publishedByStaffId: publisher.sub,
    publishedAt: now,
    openCount: 0,
    citationCount: 0,
    termCount,
  };
  await models.catalogEntries.create([entry], { session });
  await indexCatalogEntries(models, [{ ...entry, termFrequencies }], session);
  write.emit(
    sharingEvents.catalogEntryPublished,
    {
      entryId: id,
      title: entry.title,
      sourceDivisionId: entry.sourceDivisionId,
      classification: entry.classification,
      publishedAt: now.toISOString(),
      linkKind: entry.link?.kind ?? null,
    },
    { subject: id },
  );
  return entry;
}

/** An entry the reader may see, or NOT_FOUND — the same answer for missing and hidden. */
async function visibleEntry(write: SharingWrite, reader: HeliClaims, entryId: string) {
  const entry = await write.models.catalogEntries
    .findOne({ $and: [{ _id: entryId }, catalogVisibilityFilter(reader)] })
    .session(write.session)
    .lean<CatalogEntryRecord>();
  if (!entry) throw notFound(`查阅条目 ${entryId}`);
  return entry;
}

/** 查阅: opening an entry is recorded, and counted on the entry. */
export async function openCatalogEntry(
  write: SharingWrite,
  reader: HeliClaims,
  entryId: string,
  now: Date,
): Promise<CatalogEntryRecord> {
  const entry = await visibleEntry(write, reader, entryId);
  const use: CatalogUseRecord = {
    _id: newEntityId('opening'),
    kind: 'OPENED',
    entryId,
    staffId: reader.sub,
    divisionId: reader.divisionId,
    note: null,
    at: now,
  };
  await write.models.catalogUses.create([use], { session: write.session });
  await write.models.catalogEntries.updateOne(
    { _id: entryId },
    { $inc: { openCount: 1 } },
    { session: write.session },
  );
  return { ...entry, openCount: entry.openCount + 1 };
}

/**
 * A citation as its citer gets it back: with the entry they cited, which they may see (it was
 * read through their visibility filter to cite it) and which now counts the citation.
 */
export interface CatalogCitationView extends CatalogCitationRecord {
  entry: CatalogEntryRecord;
}

/** 借鉴引用 by another division: recorded and announced, so the source division scores. */
export async function citeCatalogEntry(
  write: SharingWrite,
  reader: HeliClaims,
  input: { entryId: string; note?: string | null },
  now: Date,
): Promise<CatalogCitationView> {
  const entry = await visibleEntry(write, reader, input.entryId);
  const refusal = citationRefusal(entry.sourceDivisionId, reader.divisionId);
  if (refusal) throw forbidden(refusal);
  rejectProblems([lengthProblem(input.note, MAX_NOTE_LENGTH, '引用说明')]);
  // One citation per entry and citing division: the source division scores for being reused by
  // another division, not for how often one division says so. Two concurrent citations both
  // update the entry below, so one transaction is retried and then finds the other's citation.
  const cited = await write.models.catalogUses
    .exists({ entryId: entry._id, kind: 'CITED', divisionId: reader.divisionId })
    .session(write.session);
  if (cited) throw conflict('本处室已引用过该条目，无需重复引用');
  const citation: CatalogCitationRecord = {
    _id: newEntityId('citation'),
    kind: 'CITED',
    entryId: entry._id,
    staffId: reader.sub,
    // citationRefusal has just refused a reader outside any division.
    divisionId: reader.divisionId!,
    note: input.note?.trim() || null,
    at: now,
  };
  await write.models.catalogUses.create([citation], { session: write.session });
  await write.models.catalogEntries.updateOne(
    { _id: entry._id },
    { $inc: { citationCount: 1 } },
    { session: write.session },
  );
  write.emit(
    sharingEvents.catalogEntryCited,
    {
      citationId: citation._id,
      entryId: entry._id,
      sourceDivisionId: entry.sourceDivisionId,
      citingDivisionId: citation.divisionId,
      citedByStaffId: reader.sub,
      citedAt: now.toISOString(),
    },
    { subject: citation._id },
  );
  return { ...citation, entry: { ...entry, citationCount: entry.citationCount + 1 } };
}
