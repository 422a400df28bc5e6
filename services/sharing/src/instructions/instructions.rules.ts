import { hasRole, type Role } from '@heli/auth';

export interface InstructionDraft {
  text: string;
  leadDivisionId: string | null;
  coDivisionIds: readonly string[];
  deadline: Date | null;
}

/** Only leaders write 批示: committee leaders and office leadership. */
export function isLeader(viewer: { roles: readonly Role[] }): boolean {
  return hasRole(viewer, 'COMMITTEE_LEADER', 'OFFICE_LEADER');
}

/** Everything wrong with an instruction draft, for the leader writing it. */
export function instructionProblems(draft: InstructionDraft, now: Date): string[] {
  const problems: string[] = [];
  if (draft.text.trim().length === 0) problems.push('批示内容不能为空');
  if (draft.text.length > 2_000) problems.push('批示内容不能超过 2000 个字');
  if (draft.leadDivisionId !== null && draft.coDivisionIds.includes(draft.leadDivisionId)) {
    problems.push('主办处室不能同时是协办处室');
  }
  if (new Set(draft.coDivisionIds).size !== draft.coDivisionIds.length) {
    problems.push('协办处室不能重复');
  }
  if (draft.leadDivisionId === null && draft.coDivisionIds.length > 0) {
    problems.push('指定协办处室前请先指定主办处室');
  }
  if (draft.deadline !== null && draft.deadline.getTime() <= now.getTime()) {
    problems.push('办理时限必须晚于现在');
  }
  if (draft.deadline !== null && draft.leadDivisionId === null) {
    problems.push('设定办理时限时须指定主办处室');
  }
  return problems;
}
