import { canRead, type HeliClaims } from '@heli/auth';
import { sharingEvents } from '@heli/event-contracts';
import { badInput } from '@heli/subgraph-runtime';
import type { CatalogEntryRecord } from '../catalog/catalog.model.js';
import { distributeDocument } from '../distribution/distribution.commands.js';
import { registerDocument } from '../documents/documents.commands.js';
import type { InfoSubmissionRecord } from '../info-collection/info-collection.model.js';
import { newEntityId } from '../records/entity-id.js';
import type { SharingWrite } from '../records/sharing-write.js';
import type { FeaturedIssueRecord, FeaturedItemRef } from './featured.model.js';
import { featuredSelectionProblems } from './featured.rules.js';

const HOUR = 3_600_000;

export interface FeaturedIssueInput {
  title: string;
  catalogEntryIds: string[];
  infoSubmissionIds: string[];
  readingHours: number;
}

/**
 * 精品交流: the secretariat (checked by the caller) curates entries and adopted items into an issue that goes to every
 * division of the office. Every division reads it, so only PUBLIC and INTERNAL entries qualify.
 */
export async function publishFeaturedIssue(
  write: SharingWrite,
  secretary: HeliClaims,
  input: FeaturedIssueInput,
  now: Date,
): Promise<FeaturedIssueRecord> {
  const { models, session } = write;
  // One after the other: operations of one transaction's session must not run concurrently.
  const entries = await models.catalogEntries
    .find({ _id: { $in: input.catalogEntryIds }, officeId: secretary.officeId })
    .session(session)
    .lean<CatalogEntryRecord[]>();
  const submissions = await models.infoSubmissions
    .find({ _id: { $in: input.infoSubmissionIds }, status: 'ADOPTED' })
    .session(session)
    .lean<InfoSubmissionRecord[]>();
  const divisions = await models.directoryDivisions
    .find({ officeId: secretary.officeId })
    .session(session)
    .lean();
  const problems = featuredSelectionProblems(input, {
    entryIds: entries.map((entry) => entry._id),
    adoptedSubmissionIds: submissions.map((item) => item._id),
  });
  if (entries.some((entry) => !canRead('INTERNAL', entry.classification))) {
    problems.push('精品交流分送到所有处室，只能选用公开或内部条目');
  }
  if (divisions.length === 0) problems.push('处室名录尚未同步，无法分送到各处室');
  if (problems.length > 0) throw badInput(problems.join('；'), { problems });

  const items: FeaturedItemRef[] = [
    ...entries.map((entry) => ({
      kind: 'CATALOG_ENTRY' as const,
      itemId: entry._id,
      sourceDivisionId: entry.sourceDivisionId,
    })),
    ...submissions.map((item) => ({
      kind: 'INFO_SUBMISSION' as const,
      itemId: item._id,
      sourceDivisionId: item.submitterDivisionId,
    })),
  ];
  const body = [
    ...entries.map((entry, index) => `${index + 1}. ${entry.title}\n${entry.summary}`),
    ...submissions.map(
      (item, index) => `${entries.length + index + 1}. ${item.title}\n${item.content}`,
    ),
  ].join('\n\n');
  const document = await registerDocument(
    write,
    secretary,
    { kind: 'FEATURED_ISSUE', title: input.title, body, classification: 'INTERNAL' },
    now,
  );
  const distribution = await distributeDocument(
    write,
    secretary,
    {
      documentId: document._id,
      divisionIds: divisions.map((division) => division._id),
      dueAt: new Date(now.getTime() + input.readingHours * HOUR),
    },
    now,
  );
  const issue: FeaturedIssueRecord = {
    _id: newEntityId('featured'),
    title: document.title,
    items,
    documentId: document._id,
    distributionId: distribution._id,
    officeId: secretary.officeId,
    publishedByStaffId: secretary.sub,
    publishedAt: now,
  };
  await models.featuredIssues.create([issue], { session });
  write.emit(
    sharingEvents.featuredIssuePublished,
    { issueId: issue._id, title: issue.title, items, publishedAt: now.toISOString() },
    { subject: issue._id },
  );
  return issue;
}
