import { DomainError } from '@heli/subgraph-runtime';

/** 交办事项的状态: 已交办 → 已签收 → 办理中 → 已报结果 → 已办结 | 已退回（重办）；已撤销. */
export const ASSIGNMENT_STATUSES = [
  'ASSIGNED',
  'ACCEPTED',
  'IN_PROGRESS',
  'RESULT_SUBMITTED',
  'COMPLETED',
  'RETURNED',
  'CANCELLED',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ACTIONS = [
  'ACCEPT',
  'REPORT_PROGRESS',
  'SUBMIT_RESULT',
  'COMPLETE',
  'RETURN',
  'CANCEL',
] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

/** Statuses of a matter still under way (not completed, not cancelled). */
export const OPEN_STATUSES: readonly AssignmentStatus[] = [
  'ASSIGNED',
  'ACCEPTED',
  'IN_PROGRESS',
  'RESULT_SUBMITTED',
  'RETURNED',
];

/**
 * Statuses in which the division still owes work. A result submitted on time and waiting for the
 * assigner's acceptance is not the division's delay, so it is not supervised as overdue.
 */
export const WORK_OWED_STATUSES: readonly AssignmentStatus[] = [
  'ASSIGNED',
  'ACCEPTED',
  'IN_PROGRESS',
  'RETURNED',
];

/** The whole lifecycle: for each action, the status it leaves from and the one it leads to. */
const TRANSITIONS: Record<AssignmentAction, Partial<Record<AssignmentStatus, AssignmentStatus>>> = {
  ACCEPT: { ASSIGNED: 'ACCEPTED' },
  REPORT_PROGRESS: { ACCEPTED: 'IN_PROGRESS', IN_PROGRESS: 'IN_PROGRESS', RETURNED: 'IN_PROGRESS' },
  SUBMIT_RESULT: {
    ACCEPTED: 'RESULT_SUBMITTED',
    IN_PROGRESS: 'RESULT_SUBMITTED',
    RETURNED: 'RESULT_SUBMITTED',
  },
  COMPLETE: { RESULT_SUBMITTED: 'COMPLETED' },
  RETURN: { RESULT_SUBMITTED: 'RETURNED' },
  CANCEL: {
    ASSIGNED: 'CANCELLED',
    ACCEPTED: 'CANCELLED',
    IN_PROGRESS: 'CANCELLED',
    RESULT_SUBMITTED: 'CANCELLED',
    RETURNED: 'CANCELLED',
  },
};

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  ASSIGNED: '已交办',
  ACCEPTED: '已签收',
  IN_PROGRESS: '办理中',
  RESULT_SUBMITTED: '已报送办理结果',
  COMPLETED: '已办结',
  RETURNED: '已退回重办',
  CANCELLED: '已撤销',
};

export const ACTION_LABELS: Record<AssignmentAction, string> = {
  ACCEPT: '签收',
  REPORT_PROGRESS: '汇报进展',
  SUBMIT_RESULT: '报送办理结果',
  COMPLETE: '确认办结',
  RETURN: '退回重办',
  CANCEL: '撤销',
};

export function isOpen(status: AssignmentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The status `action` leads to from `status`, or null when the lifecycle does not allow it. */
export function nextStatus(
  status: AssignmentStatus,
  action: AssignmentAction,
): AssignmentStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

/** The actions the lifecycle allows from `status`, in lifecycle order. */
export function actionsFrom(status: AssignmentStatus): AssignmentAction[] {
  return ASSIGNMENT_ACTIONS.filter((action) => nextStatus(status, action) !== null);
}

export class IllegalTransitionError extends DomainError {
  override readonly name = 'IllegalTransitionError';

  constructor(status: AssignmentStatus, action: AssignmentAction) {
    const allowed = actionsFrom(status).map((a) => `“${ACTION_LABELS[a]}”`);
    super(
      `事项当前状态为“${STATUS_LABELS[status]}”，不能${ACTION_LABELS[action]}` +
        (allowed.length > 0 ? `；此时只能${allowed.join('、')}` : '；事项已结束'),
      { code: 'BAD_USER_INPUT', details: { status, action } },
    );
  }
}

/** The status after `action`, or an IllegalTransitionError naming what is possible instead. */
export function transition(status: AssignmentStatus, action: AssignmentAction): AssignmentStatus {
  const next = nextStatus(status, action);
  if (next === null) throw new IllegalTransitionError(status, action);
  return next;
}

/**
 * Sub-matters are split off while the lead division works on the matter: once it has accepted
 * it (and so answers for it), and before it has reported the result or the matter has ended.
 */
export function splitStatusProblem(status: AssignmentStatus): string | null {
  if (status === 'ASSIGNED') return '主办处室签收后才能拆分协办子事项';
  if (!isOpen(status) || status === 'RESULT_SUBMITTED') {
    return '事项已报送结果或已结束，不能再拆分子事项';
  }
  return null;
}

/** Difficulties are raised on matters still under way; a finished matter has nothing to unblock. */
export function raiseDifficultyStatusProblem(status: AssignmentStatus): string | null {
  return isOpen(status) ? null : `事项${STATUS_LABELS[status]}，不能再反映困难`;
}
