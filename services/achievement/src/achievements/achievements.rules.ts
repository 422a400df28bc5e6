import { canRead, isOfficeLeader, type Classification } from '@heli/auth';
import { textProblem } from '@heli/subgraph-runtime';
import type { Viewer } from '../access/visibility.rules.js';
import {
  idListProblems,
  keywordProblems,
  MAX_BODY_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_SUMMARY_LENGTH,
  MAX_TITLE_LENGTH,
} from '../records/text-limits.js';
import type { AchievementRecord } from './achievement.model.js';

/** The texts of an achievement a person writes, at registration or in a revision. */
export interface AchievementTexts {
  title: string;
  summary: string;
  body?: string | null;
  keywords: readonly string[];
}

export interface AchievementDraft extends AchievementTexts {
  classification: Classification;
  leadDivisionId: string;
  coDivisionIds: readonly string[];
  authorStaffIds: readonly string[];
  restrictedToDivisionIds: readonly string[];
  origin?: { id: string } | null;
}

/**
 * Why this person may not register this achievement at all, or null. A division registers its
 * own outputs; office leadership may register for any division; nobody above their clearance.
 */
export function registrationRefusal(
  viewer: Viewer,
  draft: Pick<AchievementDraft, 'leadDivisionId' | 'classification'>,
): string | null {
  const leader = isOfficeLeader(viewer);
  if (!leader && viewer.divisionId === null) return '只有处室或办公厅领导可以登记成果';
  if (!leader && draft.leadDivisionId !== viewer.divisionId)
    return '只能以本处室为主办处室登记成果';
  if (!canRead(viewer.clearance, draft.classification)) return '不能登记高于本人涉密等级的成果';
  return null;
}

export function textProblems(texts: AchievementTexts): (string | null)[] {
  return [
    textProblem('成果标题', texts.title, MAX_TITLE_LENGTH),
    textProblem('成果摘要', texts.summary, MAX_SUMMARY_LENGTH),
    texts.body == null
      ? null
      : textProblem('成果正文', texts.body, MAX_BODY_LENGTH, { required: false }),
    ...keywordProblems(texts.keywords),
  ];
}

/** Everything wrong with a new achievement, named at once. */
export function draftProblems(draft: AchievementDraft): string[] {
  const problems: (string | null)[] = [
    ...textProblems(draft),
    ...idListProblems('协办处室', draft.coDivisionIds),
    draft.coDivisionIds.includes(draft.leadDivisionId) ? '主办处室不能同时是协办处室' : null,
    draft.authorStaffIds.length === 0 ? '至少要有一位作者' : null,
    ...idListProblems('作者', draft.authorStaffIds),
    ...idListProblems('知悉范围', draft.restrictedToDivisionIds),
    draft.origin && draft.origin.id.trim() === '' ? '请填写成果来源' : null,
  ];
  return problems.filter((problem) => problem !== null);
}

/** Who may revise an achievement or confirm its draft: its divisions, its authors, leadership. */
export function revisionRefusal(
  viewer: Viewer,
  achievement: Pick<AchievementRecord, 'divisionIds' | 'authorStaffIds'>,
): string | null {
  if (isOfficeLeader(viewer)) return null;
  if (viewer.divisionId !== null && achievement.divisionIds.includes(viewer.divisionId))
    return null;
  if (achievement.authorStaffIds.includes(viewer.sub)) return null;
  return '只有成果所属处室、作者或办公厅领导可以修订成果';
}

export function revisionProblems(texts: AchievementTexts & { note: string }): string[] {
  return [...textProblems(texts), textProblem('修订说明', texts.note, MAX_NOTE_LENGTH)].filter(
    (problem) => problem !== null,
  );
}

/** Problems of the people an achievement names, as the directory knows them. */
export function namedPeopleProblems(
  classification: Classification,
  authorStaffIds: readonly string[],
  known: ReadonlyMap<string, { active: boolean; clearance: Classification; officeId: string }>,
  officeId: string,
): string[] {
  const problems: string[] = [];
  for (const id of authorStaffIds) {
    const person = known.get(id);
    if (!person || !person.active || person.officeId !== officeId)
      problems.push(`作者 ${id} 不存在`);
    else if (!canRead(person.clearance, classification)) {
      problems.push(`作者 ${id} 的涉密等级低于成果密级`);
    }
  }
  return problems;
}

/** Problems of the divisions an achievement names, as the directory knows them. */
export function namedDivisionProblems(
  divisionIds: readonly string[],
  known: ReadonlyMap<string, { officeId: string }>,
  officeId: string,
): string[] {
  return divisionIds
    .filter((id) => known.get(id)?.officeId !== officeId)
    .map((id) => `处室 ${id} 不存在`);
}
