import { isOfficeLeader, type HeliClaims } from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';
import { readableClassifications } from '../meetings/meetings.rules.js';
import {
  RESEARCH_MILESTONES,
  type MilestoneRecord,
  type ResearchMilestoneKind,
  type ResearchTopicRecord,
} from './research.model.js';

export const PERIOD_TITLE_MAX = 50;
export const TOPIC_TITLE_MAX = 100;
export const RATIONALE_MAX = 2_000;
export const PRIORITY_MAX = 100;
export const MAX_PRIORITIES = 20;
export const MAX_TEAM = 20;
export const MAX_MERGED = 10;

/** 开题 / 调研 / 初稿 / 定稿 as people say them. */
export const MILESTONE_NAMES: Record<ResearchMilestoneKind, string> = {
  OPENING: '开题',
  FIELDWORK: '调研',
  DRAFT: '初稿',
  FINAL: '定稿',
};

/** Who runs joint research: office leadership and the research office (调研室). */
export function canRunResearch(viewer: HeliClaims, researchOfficeDivisionId: string): boolean {
  return isOfficeLeader(viewer) || viewer.divisionId === researchOfficeDivisionId;
}

/**
 * Only the lead division's head and the research office change a topic's team (the issue's
 * access rule); office leadership, who run the joint meeting, may too.
 */
export function canChangeTeam(
  viewer: HeliClaims,
  leadDivisionHeadStaffId: string | null,
  researchOfficeDivisionId: string,
): boolean {
  return (
    canRunResearch(viewer, researchOfficeDivisionId) ||
    (leadDivisionHeadStaffId !== null && viewer.sub === leadDivisionHeadStaffId)
  );
}

/** Who reports progress: the team, the lead division's head and the research office. */
export function canReportProgress(
  viewer: HeliClaims,
  topic: Pick<ResearchTopicRecord, 'teamStaffIds'>,
  leadDivisionHeadStaffId: string | null,
  researchOfficeDivisionId: string,
): boolean {
  return (
    topic.teamStaffIds.includes(viewer.sub) ||
    canChangeTeam(viewer, leadDivisionHeadStaffId, researchOfficeDivisionId)
  );
}

export interface PeriodDraft {
  title: string;
  startsOn: Date;
  endsOn: Date;
  priorities: string[];
}

export function periodProblems(draft: PeriodDraft): (string | null)[] {
  return [
    textProblem('调研周期名称', draft.title, PERIOD_TITLE_MAX),
    draft.endsOn.getTime() <= draft.startsOn.getTime()
      ? '调研周期的结束日期必须晚于开始日期'
      : null,
    draft.priorities.length > MAX_PRIORITIES ? `重点工作不能超过 ${MAX_PRIORITIES} 项` : null,
    ...draft.priorities.map((priority) => textProblem('重点工作', priority, PRIORITY_MAX)),
  ];
}

export interface ProposalDraft {
  title: string;
  rationale: string;
  priority: string;
}

export function proposalProblems(
  draft: ProposalDraft,
  period: { endsOn: Date },
  now: Date,
): (string | null)[] {
  return [
    textProblem('课题名称', draft.title, TOPIC_TITLE_MAX),
    textProblem('选题理由', draft.rationale, RATIONALE_MAX),
    textProblem('对应重点工作', draft.priority, PRIORITY_MAX, { required: false }),
    period.endsOn.getTime() <= now.getTime() ? '该调研周期已结束，不能再申报课题' : null,
  ];
}

/**
 * A topic's plan: each of 开题, 调研, 初稿, 定稿 once, in that order of dates, none in the past.
 */
export function milestonePlanProblems(
  milestones: readonly { kind: ResearchMilestoneKind; dueAt: Date }[],
  now: Date,
): (string | null)[] {
  const kinds = milestones.map((milestone) => milestone.kind);
  if (
    kinds.length !== RESEARCH_MILESTONES.length ||
    RESEARCH_MILESTONES.some((kind) => !kinds.includes(kind))
  ) {
    return ['请为开题、调研、初稿、定稿各指定一个日期'];
  }
  const ordered = RESEARCH_MILESTONES.map((kind) =>
    milestones.find((milestone) => milestone.kind === kind)!,
  );
  const problems: (string | null)[] = [];
  if (ordered[0]!.dueAt.getTime() <= now.getTime()) problems.push('开题日期不能早于现在');
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]!.dueAt.getTime() <= ordered[i - 1]!.dueAt.getTime()) {
      problems.push(
        `${MILESTONE_NAMES[ordered[i]!.kind]}日期必须晚于${MILESTONE_NAMES[ordered[i - 1]!.kind]}日期`,
      );
    }
  }
  return problems;
}

export function teamProblems(teamStaffIds: readonly string[]): (string | null)[] {
  const team = new Set(teamStaffIds);
  return [
    team.size === 0 ? '调研组至少要有一名成员' : null,
    team.size > MAX_TEAM ? `调研组不能超过 ${MAX_TEAM} 人` : null,
  ];
}

/** Milestones are reached in order: 初稿 before 调研 would say nothing true about the topic. */
export function milestoneReachProblem(
  milestones: readonly MilestoneRecord[],
  kind: ResearchMilestoneKind,
): string | null {
  const target = milestones.find((milestone) => milestone.kind === kind);
  if (!target) return `课题没有${MILESTONE_NAMES[kind]}节点`;
  if (target.reachedAt !== null) return `${MILESTONE_NAMES[kind]}节点已经完成`;
  const earlier = RESEARCH_MILESTONES.slice(0, RESEARCH_MILESTONES.indexOf(kind));
  const open = earlier.filter(
    (k) => milestones.find((milestone) => milestone.kind === k)?.reachedAt === null,
  );
  return open.length > 0 ? `请先完成${open.map((k) => MILESTONE_NAMES[k]).join('、')}节点` : null;
}

/** Research topics within the viewer's clearance (the whole office plans research together). */
export function topicVisibilityFilter(viewer: HeliClaims): Record<string, unknown> {
  return { classification: { $in: readableClassifications(viewer.clearance) } };
}
