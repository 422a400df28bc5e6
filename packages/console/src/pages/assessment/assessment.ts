/** 考核's pure logic: the view kept in the URL, periods in China time, chart series, labels, links. */

export const CATEGORIES: Record<string, string> = {
  RESPONSIBILITY: '明确职责',
  SHARING: '资源共享',
  INTERACTION: '工作互动',
  ACHIEVEMENT: '成果共用',
};

export const ENTRY_KINDS: Record<string, string> = {
  RULE: '规则计分',
  RECOMPUTE: '重算调整',
  CORRECTION: '人工更正',
};

export const INSPECTION_KINDS: Record<string, string> = {
  REGULAR: '定期检查',
  SPOT_CHECK: '不定期抽查',
};

export const INSPECTION_STATUS: Record<string, string> = { OPEN: '进行中', COMPLETED: '已完成' };

export const SEVERITIES: Record<string, { label: string; color: string }> = {
  COMMENDABLE: { label: '值得肯定', color: 'green' },
  MINOR_ISSUE: { label: '一般问题', color: 'orange' },
  MAJOR_ISSUE: { label: '严重问题', color: 'red' },
};

const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** The period, category, division and explanation page live in the URL, so a view can be shared. */
export interface AssessmentView {
  /** 2026, 2026-Q2 or 2026-05. */
  period?: string;
  category?: string;
  division?: string;
  after?: string;
}

export function assessmentViewFrom(search: URLSearchParams): AssessmentView {
  const view: AssessmentView = {};
  const period = search.get('period');
  if (period && PERIOD.test(period)) view.period = period;
  const category = search.get('category');
  if (category && category in CATEGORIES) view.category = category;
  const division = search.get('division');
  if (division) view.division = division;
  const after = search.get('after');
  if (after) view.after = after;
  return view;
}

export function assessmentSearchFrom(view: AssessmentView): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ['period', 'category', 'division', 'after'] as const) {
    const value = view[key];
    if (value) search.set(key, value);
  }
  return search;
}

/** Year and month in China time (UTC+8, no daylight saving). */
function chinaYearMonth(now: Date): { year: number; month: number } {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  return { year: china.getUTCFullYear(), month: china.getUTCMonth() + 1 };
}

/** The assessment year in China time: the default period. */
export function currentYear(now = new Date()): string {
  return String(chinaYearMonth(now).year);
}

/** The periods a leaderboard may be asked for: this and last year, their quarters and months. */
export function periodOptions(now = new Date()): { value: string; label: string }[] {
  const { year } = chinaYearMonth(now);
  const options: { value: string; label: string }[] = [];
  for (const y of [year, year - 1]) {
    options.push({ value: String(y), label: `${y} 年` });
    for (let q = 1; q <= 4; q++) options.push({ value: `${y}-Q${q}`, label: `${y} 年第${q}季度` });
    for (let m = 1; m <= 12; m++)
      options.push({ value: `${y}-${String(m).padStart(2, '0')}`, label: `${y} 年 ${m} 月` });
  }
  return options;
}

/** The last `count` months up to this one (China time), oldest first, as periods. */
export function lastMonths(count: number, now = new Date()): string[] {
  const { year, month } = chinaYearMonth(now);
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

export interface TrendSeries {
  division: string;
  /** One figure per period, 0 where the division was not on that leaderboard. */
  points: number[];
}

/**
 * One line per division over the periods, from each period's leaderboard; divisions in the order
 * of the latest period's ranking, so the legend reads like the leaderboard.
 */
export function trendSeries(
  boards: readonly (readonly { points: number; division: { id: string; name: string } }[] | null)[],
): TrendSeries[] {
  const names = new Map<string, string>();
  const latest = new Map<string, number>();
  boards.forEach((board, index) =>
    board?.forEach((row) => {
      names.set(row.division.id, row.division.name);
      if (index === boards.length - 1) latest.set(row.division.id, row.points);
    }),
  );
  return [...names.entries()]
    .sort(([a], [b]) => (latest.get(b) ?? 0) - (latest.get(a) ?? 0))
    .map(([id, name]) => ({
      division: name,
      points: boards.map((board) => board?.find((row) => row.division.id === id)?.points ?? 0),
    }));
}

/** Points as a person reads them: signed, at most two decimals. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

const SUBJECT_KINDS: Record<string, string> = {
  Assignment: '督办事项',
  Document: '公文',
  InfoSubmission: '报送信息',
  CatalogEntry: '查阅条目',
  Difficulty: '困难问题',
  Achievement: '成果',
  AchievementUse: '成果应用',
  MeetingDecision: '会议决定',
  WorkflowCase: '工作流程',
};

/**
 * Where a score entry came from, as a link into the console where it has a page; null when the
 * entry names nothing the viewer may see.
 */
export function subjectLink(
  subject: { __typename: string; id: string; title?: string } | null | undefined,
): { kind: string; label: string; to?: string } | null {
  if (!subject) return null;
  const kind = SUBJECT_KINDS[subject.__typename] ?? '事项';
  const label = subject.title ?? `${kind} ${subject.id}`;
  switch (subject.__typename) {
    case 'Assignment':
      return { kind, label, to: `/board/matters/${subject.id}` };
    case 'Difficulty':
      return { kind, label };
    case 'Document':
      return { kind, label, to: `/documents/${subject.id}` };
    case 'InfoSubmission':
      return { kind, label, to: '/info' };
    case 'CatalogEntry':
      return { kind, label, to: `/catalogue?entry=${encodeURIComponent(subject.id)}` };
    default:
      return { kind, label };
  }
}
