/** Matters with work still owed, as the 工作台 lists them. */
export const OPEN_STATUSES = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED'] as const;

const DAY_MS = 86_400_000;

/** The 工作台 looks a week ahead: anything due before then (overdue included) is listed. */
export function dueSoonCutoff(now: number): string {
  return new Date(now + 7 * DAY_MS).toISOString();
}

/** Progress reports owed within three days (or already late), soonest first. */
export function reportsDue<T extends { nextReportDueAt?: string | null }>(
  matters: readonly T[],
  now: number,
): (T & { nextReportDueAt: string })[] {
  return matters
    .filter((m): m is T & { nextReportDueAt: string } => Boolean(m.nextReportDueAt))
    .filter((m) => Date.parse(m.nextReportDueAt) - now <= 3 * DAY_MS)
    .sort((a, b) => Date.parse(a.nextReportDueAt) - Date.parse(b.nextReportDueAt));
}

export const STATUS_LABELS: Record<string, string> = {
  ASSIGNED: '待签收',
  ACCEPTED: '已签收',
  IN_PROGRESS: '办理中',
  RESULT_SUBMITTED: '待审核',
  COMPLETED: '已办结',
  RETURNED: '退回重办',
  CANCELLED: '已撤销',
};

export const ESCALATION: Record<string, { color: string; label: string }> = {
  BLUE: { color: 'blue', label: '蓝色提醒' },
  ORANGE: { color: 'orange', label: '橙色预警' },
  RED: { color: 'red', label: '红色督办' },
};

export const CLASSIFICATION_LABELS: Record<string, string> = {
  PUBLIC: '公开',
  INTERNAL: '内部',
  CONFIDENTIAL: '秘密',
  SECRET: '机密',
  TOP_SECRET: '绝密',
};
