/** The 工作台's pure logic: labels, what one click does for each item, the office week. */

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

export const URGENCY: Record<string, { color: string; label: string } | undefined> = {
  OVERDUE: { color: 'red', label: '已逾期' },
  DUE_SOON: { color: 'orange', label: '即将到期' },
};

export const INVOLVEMENT_LABELS: Record<string, string> = {
  RESPONSIBLE: '我是责任人',
  LEAD_DIVISION: '本处主办',
  CO_DIVISION: '本处协办',
  ASSIGNER: '我交办的',
};

export const DIFFICULTY_INVOLVEMENT_LABELS: Record<string, string> = {
  RAISED_BY_ME: '我提出的',
  RAISED_BY_MY_DIVISION: '本处提出的',
  RESOLVER: '请我协调',
  AWAITING_RESOLVER: '待指派协调人',
};

export const REMINDER_KIND_LABELS: Record<string, string> = {
  DEADLINE_APPROACHING: '临期催办',
  REPORT_DUE: '进展催报',
  ESCALATION: '超期督办',
  MANUAL: '催办',
};

/**
 * What one click on a matter does:签收 happens right on the 工作台; every other step needs a
 * form (progress, result, reason) and opens the matter at it.
 */
export type MatterClick = { kind: 'accept' } | { kind: 'open'; label: string };

const OPEN_LABELS: [action: string, label: string][] = [
  ['REPORT_PROGRESS', '汇报进展'],
  ['SUBMIT_RESULT', '报送结果'],
  ['COMPLETE', '审核办结'],
];

export function matterClick(actions: readonly string[]): MatterClick {
  if (actions.includes('ACCEPT')) return { kind: 'accept' };
  const step = OPEN_LABELS.find(([action]) => actions.includes(action));
  return { kind: 'open', label: step ? step[1] : '查看' };
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** This week in office (China) time: Monday 00:00 to the next Monday 00:00, as instants. */
export function chinaWeek(now: number): { start: number; end: number } {
  const local = now + CHINA_OFFSET_MS;
  const midnight = local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const start = midnight - weekday * DAY_MS - CHINA_OFFSET_MS;
  return { start, end: start + 7 * DAY_MS };
}

/** Whether an instant falls on the same office (China) day as now. */
export function isChinaToday(iso: string, now: number): boolean {
  const day = (t: number) => Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
  return day(Date.parse(iso)) === day(now);
}

/** Meetings of this office week, earliest first. */
export function meetingsThisWeek<T extends { startsAt: string }>(
  meetings: readonly T[],
  now: number,
): T[] {
  const { start, end } = chinaWeek(now);
  return meetings
    .filter((m) => {
      const at = Date.parse(m.startsAt);
      return at >= start && at < end;
    })
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}
