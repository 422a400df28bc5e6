import type { Classification, HeliClaims } from '@heli/auth';
import { canRead } from '@heli/auth';
import { researchEvents } from '@heli/event-contracts';
import { conflict, forbidden, notFound, rejectProblems, textProblem } from '@heli/subgraph-runtime';
import type { ClientSession } from 'mongoose';
import { visibleMeeting } from '../meetings/meetings.commands.js';
import { canOrganise, MAX_AGENDA_ITEMS } from '../meetings/meetings.rules.js';
import type { AgendaItemRecord } from '../meetings/meeting.model.js';
import type { InteractionModels } from '../models.js';
import { requireKnown } from '../organisation/known-organisation.js';
import { newEntityId } from '../records/entity-id.js';
import type { InteractionWrite } from '../records/interaction-write.js';
import type {
  DuplicateFlag,
  ResearchMilestoneKind,
  ResearchPeriodRecord,
  ResearchTopicRecord,
} from './research.model.js';
import { overAllocationProblems } from './research-team.rules.js';
import {
  canChangeTeam,
  canReportProgress,
  canRunResearch,
  MAX_MERGED,
  MILESTONE_NAMES,
  milestonePlanProblems,
  milestoneReachProblem,
  periodProblems,
  proposalProblems,
  teamProblems,
  topicVisibilityFilter,
  TOPIC_TITLE_MAX,
  type PeriodDraft,
  type ProposalDraft,
} from './research-topic.rules.js';
import { segment } from './segmenter.js';
import { likelyDuplicates, type ComparableTopic } from './topic-similarity.rules.js';

const iso = (time: Date) => time.toISOString();

/** How many earlier topics and catalogue entries a proposal is compared with (latest first). */
const COMPARED_EARLIER = 500;

export interface ResearchSettings {
  researchOfficeDivisionId: string;
  maxTopicsPerResearcher: number;
}

export async function openResearchPeriod(
  write: InteractionWrite,
  viewer: HeliClaims,
  draft: PeriodDraft,
  now: Date,
  settings: ResearchSettings,
): Promise<ResearchPeriodRecord> {
  if (!canRunResearch(viewer, settings.researchOfficeDivisionId)) {
    throw forbidden('只有厅领导和调研室可以安排调研周期');
  }
  rejectProblems(periodProblems(draft));
  const period: ResearchPeriodRecord = {
    _id: newEntityId('period'),
    title: draft.title.trim(),
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    priorities: draft.priorities.map((priority) => priority.trim()),
    openedByStaffId: viewer.sub,
    openedAt: now,
  };
  if (await write.models.researchPeriods.exists({ title: period.title }).session(write.session)) {
    throw conflict(`已有名为“${period.title}”的调研周期`);
  }
  // The unique index on the title decides between two openings racing past the check above.
  await write.models.researchPeriods.create([period], { session: write.session });
  return period;
}

/** A topic the viewer may see, inside the write's transaction; NOT_FOUND otherwise. */
async function visibleTopic(
  write: InteractionWrite,
  viewer: HeliClaims,
  topicId: string,
): Promise<ResearchTopicRecord> {
  const topic = await write.models.researchTopics
    .findOne({ $and: [{ _id: topicId }, topicVisibilityFilter(viewer)] })
    .session(write.session)
    .lean<ResearchTopicRecord>();
  if (!topic) throw notFound(`调研课题 ${topicId}`);
  return topic;
}

const comparable = (
  record: { _id: string; title: string; titleWords: string[]; rationaleWords?: string[] },
  id = record._id,
): ComparableTopic => ({
  id,
  title: record.title,
  titleWords: record.titleWords,
  rationaleWords: record.rationaleWords ?? [],
});

/**
 * What a new proposal likely duplicates: other proposals of the period, earlier topics that were
 * taken up, and catalogue entries (as sharing announced them). Ids are prefixed by their source
 * while compared, so a topic and an entry with the same id cannot be confused.
 */
async function duplicateFlags(
  models: InteractionModels,
  session: ClientSession,
  proposal: ComparableTopic,
  periodId: string,
): Promise<DuplicateFlag[]> {
  const [inPeriod, earlier, entries] = await Promise.all([
    models.researchTopics
      .find({ periodId, status: { $in: ['PROPOSED', 'SELECTED', 'COMPLETED'] } })
      .session(session)
      .lean<ResearchTopicRecord[]>(),
    models.researchTopics
      .find({ periodId: { $ne: periodId }, status: { $in: ['SELECTED', 'COMPLETED'] } })
      .sort({ proposedAt: -1 })
      .limit(COMPARED_EARLIER)
      .session(session)
      .lean<ResearchTopicRecord[]>(),
    models.catalogTopics
      .find()
      .sort({ publishedAt: -1 })
      .limit(COMPARED_EARLIER)
      .session(session)
      .lean(),
  ]);
  const sources = new Map<
    string,
    { source: DuplicateFlag['source']; refId: string; classification: Classification }
  >();
  const candidates: ComparableTopic[] = [];
  for (const [source, records] of [
    ['PROPOSAL', inPeriod],
    ['EARLIER_TOPIC', earlier],
    ['CATALOG_ENTRY', entries],
  ] as const) {
    for (const record of records) {
      const key = `${source}:${record._id}`;
      sources.set(key, { source, refId: record._id, classification: record.classification });
      candidates.push(comparable(record, key));
    }
  }
  return likelyDuplicates(proposal, candidates).map((duplicate) => {
    const { source, refId, classification } = sources.get(duplicate.id)!;
    return {
      source,
      refId,
      title: duplicate.title,
      similarity: duplicate.similarity,
      classification,
    };
  });
}

export interface ProposeTopicInput extends ProposalDraft {
  periodId: string;
  classification: Classification;
  proposingDivisionId: string | null;
}

/**
 * A division proposes a topic. Likely duplicates are flagged on it, and the proposals it resembles
 * are flagged back, so whichever of the two divisions looks first sees the other.
 */
export async function proposeResearchTopic(
  write: InteractionWrite,
  viewer: HeliClaims,
  input: ProposeTopicInput,
  now: Date,
  settings: ResearchSettings,
): Promise<ResearchTopicRecord> {
  const divisionId = input.proposingDivisionId ?? viewer.divisionId;
  if (divisionId === null) throw forbidden('请指定申报处室');
  const mayPropose =
    canRunResearch(viewer, settings.researchOfficeDivisionId) ||
    (viewer.divisionId === divisionId && viewer.roles.includes('DIVISION_HEAD'));
  if (!mayPropose) throw forbidden('只有本处室负责人、调研室和厅领导可以申报调研课题');
  const period = await write.models.researchPeriods
    .findById(input.periodId)
    .session(write.session)
    .lean<ResearchPeriodRecord>();
  if (!period) throw notFound(`调研周期 ${input.periodId}`);
  rejectProblems([
    ...proposalProblems(input, period, now),
    canRead(viewer.clearance, input.classification) ? null : '课题密级不能高于本人的密级',
  ]);
  await requireKnown(write.models, write.session, { divisionIds: [divisionId] });

  const id = newEntityId('topic');
  const title = input.title.trim();
  const rationale = input.rationale.trim();
  const mine: ComparableTopic = {
    id,
    title,
    titleWords: segment(title),
    rationaleWords: segment(rationale),
  };
  const flags = await duplicateFlags(write.models, write.session, mine, period._id);
  const topic: ResearchTopicRecord = {
    _id: id,
    periodId: period._id,
    title,
    rationale,
    priority: input.priority.trim(),
    classification: input.classification,
    proposingDivisionId: divisionId,
    proposedByStaffId: viewer.sub,
    proposedAt: now,
    titleWords: mine.titleWords as string[],
    rationaleWords: mine.rationaleWords as string[],
    duplicates: flags,
    status: 'PROPOSED',
    mergedIntoTopicId: null,
    leadDivisionId: null,
    teamStaffIds: [],
    selectedAtMeetingId: null,
    agendaItemId: null,
    selectedAt: null,
    milestones: [],
    reportTitle: null,
    reportDocumentId: null,
    completedAt: null,
  };
  await write.models.researchTopics.create([topic], { session: write.session });
  for (const flag of flags.filter((f) => f.source === 'PROPOSAL')) {
    await write.models.researchTopics.updateOne(
      { _id: flag.refId, 'duplicates.refId': { $ne: id } },
      {
        $push: {
          duplicates: {
            source: 'PROPOSAL',
            refId: id,
            title,
            similarity: flag.similarity,
            classification: topic.classification,
          },
        },
      },
      { session: write.session },
    );
  }
  write.emit(
    researchEvents.researchTopicProposed,
    {
      topicId: id,
      periodId: period._id,
      title,
      classification: topic.classification,
      proposingDivisionId: divisionId,
      proposedByStaffId: viewer.sub,
      likelyDuplicateIds: flags.map((flag) => flag.refId),
      proposedAt: iso(now),
    },
    { subject: id },
  );
  return topic;
}

/**
 * Puts `staffIds` on `topicId`, refusing anyone it would put over the limit. The rule reads the
 * loads as they are; the writes are conditional on the load still leaving room, so a selection
 * racing this one for the same person cannot slip them over it.
 */
async function reserveResearchers(
  write: InteractionWrite,
  staffIds: readonly string[],
  topicId: string,
  limit: number,
): Promise<void> {
  if (staffIds.length === 0) return;
  const [loads, staff] = await Promise.all([
    write.models.researcherLoads
      .find({ _id: { $in: staffIds } })
      .session(write.session)
      .lean(),
    write.models.directoryStaff
      .find({ _id: { $in: staffIds } }, { name: 1 })
      .session(write.session)
      .lean(),
  ]);
  const counts = new Map(
    loads.map((load) => [load._id, load.topicIds.filter((id) => id !== topicId).length]),
  );
  rejectProblems(
    overAllocationProblems(
      staffIds,
      counts,
      limit,
      new Map(staff.map((person) => [person._id, person.name])),
    ),
  );
  for (const staffId of staffIds) {
    await write.models.researcherLoads.updateOne(
      { _id: staffId },
      { $setOnInsert: { topicIds: [] } },
      { upsert: true, session: write.session },
    );
    const reserved = await write.models.researcherLoads.updateOne(
      { _id: staffId, topicIds: { $ne: topicId }, [`topicIds.${limit - 1}`]: { $exists: false } },
      { $push: { topicIds: topicId } },
      { session: write.session },
    );
    if (reserved.modifiedCount === 0) {
      const held = await write.models.researcherLoads
        .exists({ _id: staffId, topicIds: topicId })
        .session(write.session);
      if (!held) throw conflict('调研力量刚被其他课题调配，请刷新后重试');
    }
  }
}

async function releaseResearchers(
  write: InteractionWrite,
  staffIds: readonly string[],
  topicId: string,
): Promise<void> {
  if (staffIds.length === 0) return;
  await write.models.researcherLoads.updateMany(
    { _id: { $in: staffIds } },
    { $pull: { topicIds: topicId } },
    { session: write.session },
  );
}

async function teamDivisionIds(
  write: InteractionWrite,
  teamStaffIds: readonly string[],
): Promise<string[]> {
  const staff = await write.models.directoryStaff
    .find({ _id: { $in: teamStaffIds } }, { divisionId: 1 })
    .session(write.session)
    .lean();
  return [...new Set(staff.map((person) => person.divisionId).filter((id) => id !== null))];
}

export interface SelectTopicInput {
  topicId: string;
  mergeTopicIds: string[];
  leadDivisionId: string;
  teamStaffIds: string[];
  milestones: { kind: ResearchMilestoneKind; dueAt: Date }[];
}

/**
 * The joint meeting (调研工作联席会议) selects a topic: merges its duplicates into it, names the
 * lead division and a team pooled from several divisions, sets the milestones, and puts a 部署 item
 * on the meeting's agenda, so closing the meeting makes the lead division's matter of it.
 */
export async function selectResearchTopic(
  write: InteractionWrite,
  viewer: HeliClaims,
  meetingId: string,
  input: SelectTopicInput,
  now: Date,
  settings: ResearchSettings,
): Promise<ResearchTopicRecord> {
  const meeting = await visibleMeeting(write, viewer, meetingId);
  if (meeting.kind !== 'RESEARCH_JOINT') {
    rejectProblems(['只有调研工作联席会议可以确定调研课题']);
  }
  if (!canOrganise(viewer, meeting)) throw forbidden('只有会议主持人、安排人和厅领导可以确定课题');
  if (meeting.status !== 'SCHEDULED') throw conflict('会议已结束，不能再确定课题');
  const topic = await visibleTopic(write, viewer, input.topicId);
  const mergeIds = [...new Set(input.mergeTopicIds)].filter((id) => id !== topic._id);
  const team = [...new Set(input.teamStaffIds)];
  rejectProblems([
    ...milestonePlanProblems(input.milestones, now),
    ...teamProblems(team),
    mergeIds.length > MAX_MERGED ? `一次最多合并 ${MAX_MERGED} 个课题` : null,
  ]);
  if (topic.status !== 'PROPOSED') throw conflict(`课题“${topic.title}”已确定、合并或结题`);
  const merged = await write.models.researchTopics
    .find({
      $and: [
        { _id: { $in: mergeIds }, periodId: topic.periodId, status: 'PROPOSED' },
        topicVisibilityFilter(viewer),
      ],
    })
    .session(write.session)
    .lean<ResearchTopicRecord[]>();
  const mergeable = new Set(merged.map((m) => m._id));
  rejectProblems(
    mergeIds
      .filter((id) => !mergeable.has(id))
      .map((id) => `课题 ${id} 不是本周期待定的申报课题，不能合并`),
  );
  await requireKnown(write.models, write.session, {
    divisionIds: [input.leadDivisionId],
    staffIds: team,
  });
  await reserveResearchers(write, team, topic._id, settings.maxTopicsPerResearcher);

  const milestones = [...input.milestones]
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .map((m) => ({ kind: m.kind, dueAt: m.dueAt, reachedAt: null, note: '' }));
  const finalDue = milestones.find((m) => m.kind === 'FINAL')!.dueAt;
  const coDivisionIds = (await teamDivisionIds(write, team)).filter(
    (id) => id !== input.leadDivisionId,
  );
  const item: AgendaItemRecord = {
    _id: newEntityId('item'),
    kind: 'DEPLOYMENT',
    title: `调研课题：${topic.title}`.slice(0, TOPIC_TITLE_MAX),
    content: topic.rationale,
    documentIds: [],
    linkedEntryIds: [],
    deployment: {
      leadDivisionId: input.leadDivisionId,
      coDivisionIds,
      deadline: finalDue,
      requirements: milestones
        .map((m) => `${MILESTONE_NAMES[m.kind]}：${m.dueAt.toISOString().slice(0, 10)}`)
        .join('；'),
    },
    addedByStaffId: viewer.sub,
    addedAt: now,
  };
  const onAgenda = await write.models.meetings.updateOne(
    { _id: meetingId, status: 'SCHEDULED', [`agenda.${MAX_AGENDA_ITEMS - 1}`]: { $exists: false } },
    { $push: { agenda: item } },
    { session: write.session },
  );
  if (onAgenda.modifiedCount === 0) throw conflict(`会议已结束或议题已满 ${MAX_AGENDA_ITEMS} 个`);

  const selected = await write.models.researchTopics
    .findOneAndUpdate(
      { _id: topic._id, status: 'PROPOSED' },
      {
        $set: {
          status: 'SELECTED',
          leadDivisionId: input.leadDivisionId,
          teamStaffIds: team,
          selectedAtMeetingId: meetingId,
          agendaItemId: item._id,
          selectedAt: now,
          milestones,
        },
      },
      { new: true, session: write.session },
    )
    .lean<ResearchTopicRecord>();
  if (!selected) throw conflict(`课题“${topic.title}”刚被确定或合并`);
  if (mergeIds.length > 0) {
    const result = await write.models.researchTopics.updateMany(
      { _id: { $in: mergeIds }, status: 'PROPOSED' },
      { $set: { status: 'MERGED', mergedIntoTopicId: topic._id } },
      { session: write.session },
    );
    if (result.modifiedCount !== mergeIds.length) throw conflict('要合并的课题刚被确定或合并');
  }
  write.emit(
    researchEvents.researchTopicSelected,
    {
      topicId: topic._id,
      periodId: topic.periodId,
      meetingId,
      title: topic.title,
      classification: topic.classification,
      leadDivisionId: input.leadDivisionId,
      teamStaffIds: team,
      mergedTopicIds: mergeIds,
      milestones: milestones.map((m) => ({ kind: m.kind, dueAt: iso(m.dueAt) })),
      selectedByStaffId: viewer.sub,
      selectedAt: iso(now),
    },
    { subject: topic._id },
  );
  return selected;
}

async function leadHead(write: InteractionWrite, topic: ResearchTopicRecord) {
  if (topic.leadDivisionId === null) return null;
  const division = await write.models.directoryDivisions
    .findById(topic.leadDivisionId, { headStaffId: 1 })
    .session(write.session)
    .lean();
  return division?.headStaffId ?? null;
}

/** Only the lead division's head and the research office change a selected topic's team. */
export async function changeResearchTeam(
  write: InteractionWrite,
  viewer: HeliClaims,
  topicId: string,
  teamStaffIds: string[],
  settings: ResearchSettings,
): Promise<ResearchTopicRecord> {
  const topic = await visibleTopic(write, viewer, topicId);
  if (!canChangeTeam(viewer, await leadHead(write, topic), settings.researchOfficeDivisionId)) {
    throw forbidden('只有牵头处室负责人和调研室可以调整调研组');
  }
  if (topic.status !== 'SELECTED') throw conflict('只有已确定、未结题的课题可以调整调研组');
  const team = [...new Set(teamStaffIds)];
  rejectProblems(teamProblems(team));
  await requireKnown(write.models, write.session, { staffIds: team });
  const leaving = topic.teamStaffIds.filter((id) => !team.includes(id));
  const joining = team.filter((id) => !topic.teamStaffIds.includes(id));
  await releaseResearchers(write, leaving, topic._id);
  await reserveResearchers(write, joining, topic._id, settings.maxTopicsPerResearcher);
  const updated = await write.models.researchTopics
    .findOneAndUpdate(
      {
        _id: topic._id,
        status: 'SELECTED',
        teamStaffIds: { $all: topic.teamStaffIds, $size: topic.teamStaffIds.length },
      },
      { $set: { teamStaffIds: team } },
      { new: true, session: write.session },
    )
    .lean<ResearchTopicRecord>();
  if (!updated) throw conflict('调研组刚被他人调整，请刷新后重试');
  return updated;
}

export interface MilestoneInput {
  topicId: string;
  kind: ResearchMilestoneKind;
  note: string;
  /** 定稿 only: the report's title and, when registered in sharing, its document. */
  reportTitle: string | null;
  reportSummary: string;
  reportDocumentId: string | null;
}

/**
 * Marks a milestone reached, in order. 定稿 finishes the topic: its team is released and the
 * report is announced for achievement to register.
 */
export async function reachResearchMilestone(
  write: InteractionWrite,
  viewer: HeliClaims,
  input: MilestoneInput,
  now: Date,
  settings: ResearchSettings,
): Promise<ResearchTopicRecord> {
  const topic = await visibleTopic(write, viewer, input.topicId);
  if (
    !canReportProgress(
      viewer,
      topic,
      await leadHead(write, topic),
      settings.researchOfficeDivisionId,
    )
  ) {
    throw forbidden('只有调研组成员、牵头处室负责人和调研室可以登记课题进度');
  }
  if (topic.status !== 'SELECTED') throw conflict('只有已确定、未结题的课题可以登记进度');
  const isFinal = input.kind === 'FINAL';
  rejectProblems([
    milestoneReachProblem(topic.milestones, input.kind),
    textProblem('进展说明', input.note, 500, { required: false }),
    isFinal ? textProblem('调研报告标题', input.reportTitle ?? '', 100) : null,
    isFinal ? textProblem('报告摘要', input.reportSummary, 2_000, { required: false }) : null,
    !isFinal && (input.reportTitle !== null || input.reportDocumentId !== null)
      ? '只有定稿时登记调研报告'
      : null,
  ]);
  // Addressed by position (the plan's order never changes) rather than `$`, so the write is
  // conditional on exactly this milestone still being open.
  const index = topic.milestones.findIndex((m) => m.kind === input.kind);
  const milestone = topic.milestones[index]!;
  const onTime = now.getTime() <= milestone.dueAt.getTime();
  const updated = await write.models.researchTopics
    .findOneAndUpdate(
      {
        _id: topic._id,
        status: 'SELECTED',
        [`milestones.${index}.kind`]: input.kind,
        [`milestones.${index}.reachedAt`]: null,
      },
      {
        $set: {
          [`milestones.${index}.reachedAt`]: now,
          [`milestones.${index}.note`]: input.note.trim(),
          ...(isFinal && {
            status: 'COMPLETED',
            completedAt: now,
            reportTitle: input.reportTitle!.trim(),
            reportDocumentId: input.reportDocumentId,
          }),
        },
      },
      { new: true, session: write.session },
    )
    .lean<ResearchTopicRecord>();
  if (!updated) throw conflict(`${MILESTONE_NAMES[input.kind]}节点已经完成`);
  write.emit(
    researchEvents.researchMilestoneReached,
    {
      topicId: topic._id,
      milestone: input.kind,
      leadDivisionId: topic.leadDivisionId!,
      dueAt: iso(milestone.dueAt),
      reachedAt: iso(now),
      onTime,
      reachedByStaffId: viewer.sub,
    },
    { subject: topic._id },
  );
  if (isFinal) {
    await releaseResearchers(write, topic.teamStaffIds, topic._id);
    write.emit(
      researchEvents.researchReportCompleted,
      {
        topicId: topic._id,
        periodId: topic.periodId,
        topicTitle: topic.title,
        reportTitle: updated.reportTitle!,
        summary: input.reportSummary.trim(),
        reportDocumentId: input.reportDocumentId,
        classification: topic.classification,
        leadDivisionId: topic.leadDivisionId!,
        coDivisionIds: (await teamDivisionIds(write, topic.teamStaffIds)).filter(
          (id) => id !== topic.leadDivisionId,
        ),
        teamStaffIds: topic.teamStaffIds,
        completedByStaffId: viewer.sub,
        completedAt: iso(now),
        onTime,
      },
      { subject: topic._id },
    );
  }
  return updated;
}
