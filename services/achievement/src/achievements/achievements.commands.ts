import type { Classification, HeliClaims } from '@heli/auth';
import { achievementEvents } from '@heli/event-contracts';
import { conflict, forbidden, notFound, rejectProblems } from '@heli/subgraph-runtime';
import { achievementVisibilityFilter } from '../access/visibility.rules.js';
import type { AchievementWrite } from '../records/achievement-write.js';
import { newEntityId } from '../records/entity-id.js';
import type {
  AchievementKind,
  AchievementRecord,
  AchievementVersionRecord,
  OriginRef,
} from './achievement.model.js';
import {
  draftProblems,
  namedDivisionProblems,
  namedPeopleProblems,
  registrationRefusal,
  revisionProblems,
  revisionRefusal,
} from './achievements.rules.js';

export interface RegisterAchievementInput {
  kind: AchievementKind;
  title: string;
  summary: string;
  body?: string | null;
  documentId?: string | null;
  keywords: readonly string[];
  classification: Classification;
  restrictedToDivisionIds: readonly string[];
  leadDivisionId?: string | null;
  coDivisionIds: readonly string[];
  authorStaffIds: readonly string[];
  origin?: OriginRef | null;
}

const clean = (texts: {
  title: string;
  summary: string;
  body?: string | null;
  keywords: readonly string[];
}) => ({
  title: texts.title.trim(),
  summary: texts.summary.trim(),
  body: texts.body?.trim() || null,
  keywords: texts.keywords.map((keyword) => keyword.trim()),
});

/** Checks the divisions and people an achievement names against the directory. */
async function directoryProblems(
  write: AchievementWrite,
  officeId: string,
  classification: Classification,
  divisionIds: readonly string[],
  authorStaffIds: readonly string[],
): Promise<string[]> {
  const [divisions, people] = await Promise.all([
    write.models.directoryDivisions
      .find({ _id: { $in: [...divisionIds] } })
      .session(write.session)
      .lean(),
    write.models.directoryStaff
      .find({ _id: { $in: [...authorStaffIds] } })
      .session(write.session)
      .lean(),
  ]);
  return [
    ...namedDivisionProblems(divisionIds, new Map(divisions.map((d) => [d._id, d])), officeId),
    ...namedPeopleProblems(
      classification,
      authorStaffIds,
      new Map(people.map((p) => [p._id, p])),
      officeId,
    ),
  ];
}

/** The event data of an achievement as it is now. */
export function achievementState(a: AchievementRecord) {
  return {
    achievementId: a._id,
    officeId: a.officeId,
    version: a.version,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    keywords: a.keywords,
    classification: a.classification,
    restricted: a.restrictedTo.length > 0,
    leadDivisionId: a.leadDivisionId,
    coDivisionIds: a.coDivisionIds,
    authorStaffIds: a.authorStaffIds,
    origin: a.origin,
  };
}

function firstVersion(a: AchievementRecord, byStaffId: string, at: Date): AchievementVersionRecord {
  return {
    _id: `${a._id}@1`,
    achievementId: a._id,
    version: 1,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    body: a.body,
    documentId: a.documentId,
    keywords: a.keywords,
    note: '登记',
    byStaffId,
    at,
  };
}

/**
 * A division registers an output. It is published at once and announced, so sharing lists it in
 * the catalogue and assessment scores providing it.
 */
export async function registerAchievement(
  write: AchievementWrite,
  viewer: HeliClaims,
  input: RegisterAchievementInput,
  now: Date,
  id = newEntityId('achievement'),
): Promise<AchievementRecord> {
  const leadDivisionId = input.leadDivisionId ?? viewer.divisionId ?? '';
  const draft = { ...input, leadDivisionId };
  const refusal = registrationRefusal(viewer, draft);
  if (refusal) throw forbidden(refusal);
  rejectProblems(draftProblems(draft));
  rejectProblems(
    await directoryProblems(
      write,
      viewer.officeId,
      input.classification,
      [leadDivisionId, ...input.coDivisionIds, ...input.restrictedToDivisionIds],
      input.authorStaffIds,
    ),
  );
  const achievement: AchievementRecord = {
    _id: id,
    officeId: viewer.officeId,
    status: 'PUBLISHED',
    kind: input.kind,
    ...clean(input),
    documentId: input.documentId?.trim() || null,
    classification: input.classification,
    restrictedTo: [...input.restrictedToDivisionIds],
    leadDivisionId,
    coDivisionIds: [...input.coDivisionIds],
    divisionIds: [leadDivisionId, ...input.coDivisionIds],
    authorStaffIds: [...input.authorStaffIds],
    origin: input.origin ? { kind: input.origin.kind, id: input.origin.id.trim() } : null,
    version: 1,
    createdByStaffId: viewer.sub,
    createdAt: now,
    publishedAt: now,
    updatedAt: now,
  };
  await write.models.achievements.create([achievement], { session: write.session });
  await write.models.achievementVersions.create([firstVersion(achievement, viewer.sub, now)], {
    session: write.session,
  });
  await write.emit(
    achievementEvents.achievementRegistered,
    {
      ...achievementState(achievement),
      registeredByStaffId: viewer.sub,
      registeredAt: now.toISOString(),
    },
    { subject: id },
  );
  return achievement;
}

/** An achievement the viewer may see, or NOT_FOUND — the same answer for missing and hidden. */
export async function visibleAchievement(
  write: AchievementWrite,
  viewer: HeliClaims,
  id: string,
): Promise<AchievementRecord> {
  const found = await write.models.achievements
    .findOne({ $and: [{ _id: id }, achievementVisibilityFilter(viewer)] })
    .session(write.session)
    .lean<AchievementRecord>();
  if (!found) throw notFound(`成果 ${id}`);
  return found;
}

export interface ReviseAchievementInput {
  id: string;
  baseVersion: number;
  kind?: AchievementKind | null;
  title: string;
  summary: string;
  body?: string | null;
  documentId?: string | null;
  keywords: readonly string[];
  note: string;
}

/**
 * A new version of a published achievement. The write is conditional on the version it was made
 * on, so of two concurrent revisions of one version exactly one succeeds; the other is told to
 * look at the new version first.
 */
export async function reviseAchievement(
  write: AchievementWrite,
  viewer: HeliClaims,
  input: ReviseAchievementInput,
  now: Date,
): Promise<AchievementRecord> {
  const current = await visibleAchievement(write, viewer, input.id);
  const refusal = revisionRefusal(viewer, current);
  if (refusal) throw forbidden(refusal);
  if (current.status !== 'PUBLISHED') throw conflict('成果草稿须先确认发布，再修订');
  rejectProblems(revisionProblems(input));
  if (current.version !== input.baseVersion) {
    throw conflict(`成果已修订为第 ${current.version} 版，请在最新版本上修订`);
  }
  const version = current.version + 1;
  const texts = clean(input);
  const kind = input.kind ?? current.kind;
  const documentId =
    input.documentId === undefined ? current.documentId : input.documentId?.trim() || null;
  const updated = await write.models.achievements
    .findOneAndUpdate(
      { _id: current._id, version: current.version },
      { $set: { ...texts, kind, documentId, version, updatedAt: now } },
      { session: write.session, new: true },
    )
    .lean<AchievementRecord>();
  if (!updated) throw conflict('成果正被他人修订，请刷新后重试');
  await write.models.achievementVersions.create(
    [
      {
        _id: `${current._id}@${version}`,
        achievementId: current._id,
        version,
        kind,
        ...texts,
        documentId,
        note: input.note.trim(),
        byStaffId: viewer.sub,
        at: now,
      },
    ],
    { session: write.session },
  );
  await write.emit(
    achievementEvents.achievementRevised,
    { ...achievementState(updated), revisedByStaffId: viewer.sub, revisedAt: now.toISOString() },
    { subject: current._id },
  );
  return updated;
}

export interface PublishDraftInput {
  id: string;
  kind: AchievementKind;
  title: string;
  summary: string;
  body?: string | null;
  keywords: readonly string[];
}

/** The division confirms a draft offered from its completed work; it is then registered. */
export async function publishDraft(
  write: AchievementWrite,
  viewer: HeliClaims,
  input: PublishDraftInput,
  now: Date,
): Promise<AchievementRecord> {
  const draft = await visibleAchievement(write, viewer, input.id);
  const refusal = revisionRefusal(viewer, draft);
  if (refusal) throw forbidden(refusal);
  rejectProblems(
    draftProblems({ ...draft, ...input, restrictedToDivisionIds: draft.restrictedTo }),
  );
  const texts = clean(input);
  const published = await write.models.achievements
    .findOneAndUpdate(
      { _id: draft._id, status: 'DRAFT' },
      {
        $set: { ...texts, kind: input.kind, status: 'PUBLISHED', publishedAt: now, updatedAt: now },
      },
      { session: write.session, new: true },
    )
    .lean<AchievementRecord>();
  if (!published) throw conflict('该成果已发布');
  await write.models.achievementVersions.create([firstVersion(published, viewer.sub, now)], {
    session: write.session,
  });
  await write.emit(
    achievementEvents.achievementRegistered,
    {
      ...achievementState(published),
      registeredByStaffId: viewer.sub,
      registeredAt: now.toISOString(),
    },
    { subject: published._id },
  );
  return published;
}
