/** 管理's pure logic: what the viewer may use, the view kept in the URL, rules edited as data. */

type Role = string;

export interface AdminSections {
  /** Offices, divisions, staff and clearance: administrators (responsibility enforces the same). */
  organisation: boolean;
  /** Scoring rules and their recompute: assessors and office leadership (as assessment enforces). */
  scoringRules: boolean;
}

export function adminSections(roles: readonly Role[]): AdminSections {
  return {
    organisation: roles.includes('ADMIN'),
    scoringRules: roles.includes('ASSESSOR') || roles.includes('OFFICE_LEADER'),
  };
}

export const ROLE_LABELS: Record<string, string> = {
  COMMITTEE_LEADER: '市委领导',
  OFFICE_LEADER: '厅领导',
  DIVISION_HEAD: '处长',
  STAFF: '工作人员',
  ASSESSOR: '考核',
  SECURITY_OFFICER: '保密员',
  ADMIN: '管理员',
  ANALYST: '分析人员',
  LIAISON: '联络员',
};

export const CATEGORY_LABELS: Record<string, string> = {
  RESPONSIBILITY: '明确职责',
  SHARING: '资源共享',
  INTERACTION: '工作互动',
  ACHIEVEMENT: '成果共用',
};

export const OFFICE_KIND_LABELS: Record<string, string> = {
  OWN: '本级',
  HIGHER: '上级',
  LOWER: '下级',
  PARTNER: '常委部门办公室',
  EXTERNAL: '外部单位',
};

export type AdminTab = 'organisation' | 'rules';

export interface AdminView {
  tab: AdminTab;
  division?: string;
  search?: string;
  after?: string;
  year: number;
}

/** The tab, staff filters, page and rule year live in the URL; a tab the viewer may not use falls back. */
export function adminViewFrom(
  search: URLSearchParams,
  sections: AdminSections,
  currentYear: number,
): AdminView {
  const wanted = search.get('tab');
  const tab: AdminTab =
    wanted === 'rules' && sections.scoringRules
      ? 'rules'
      : wanted === 'organisation' && sections.organisation
        ? 'organisation'
        : sections.organisation
          ? 'organisation'
          : 'rules';
  const year = Number(search.get('year'));
  const view: AdminView = {
    tab,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYear,
  };
  for (const key of ['division', 'search', 'after'] as const) {
    const value = search.get(key);
    if (value) view[key] = value;
  }
  return view;
}

export function adminSearchFrom(view: AdminView, currentYear: number): URLSearchParams {
  const search = new URLSearchParams({ tab: view.tab });
  if (view.division) search.set('division', view.division);
  if (view.search) search.set('search', view.search);
  if (view.after) search.set('after', view.after);
  if (view.year !== currentYear) search.set('year', String(view.year));
  return search;
}

export interface EditableRule {
  id: string;
  description: string;
  eventType: string;
  condition?: string | null;
  points: number;
  target: string;
  category: string;
  cap?: { points: number; period: string } | null;
}

export interface RuleSetDraft {
  year: number;
  basedOnVersion: number;
  rules: EditableRule[];
  grading: { excellent: number; good: number; pass: number };
  reason: string;
}

/** The input previewScoringRules and applyScoringRules take, from the draft as edited. */
export function ruleSetInput(draft: RuleSetDraft) {
  return {
    year: draft.year,
    basedOnVersion: draft.basedOnVersion,
    reason: draft.reason.trim(),
    grading: { ...draft.grading },
    rules: draft.rules.map((rule) => ({
      id: rule.id,
      description: rule.description,
      eventType: rule.eventType,
      condition: rule.condition?.trim() ? rule.condition.trim() : null,
      points: rule.points,
      target: rule.target,
      category: rule.category as never,
      cap: rule.cap ? { points: rule.cap.points, period: rule.cap.period as never } : null,
    })),
  };
}

/** What is wrong with the draft before it is sent, each in Chinese. */
export function ruleSetProblems(draft: RuleSetDraft): string[] {
  const problems: string[] = [];
  if (draft.reason.trim().length < 2) problems.push('请填写修改理由');
  const { excellent, good, pass } = draft.grading;
  if (!(excellent > good && good > pass)) problems.push('等次分数线须满足：优秀 > 良好 > 合格');
  for (const rule of draft.rules) {
    if (!rule.description.trim()) problems.push(`规则“${rule.id}”的说明不能为空`);
    if (rule.condition?.trim()) {
      try {
        JSON.parse(rule.condition);
      } catch {
        problems.push(`规则“${rule.description || rule.id}”的条件不是有效的 JSON`);
      }
    }
  }
  return problems;
}

/** The divisions whose score moves, the largest move first; those that stay come after, by name. */
export function divisionChanges<T extends { change: number; division: { name: string } }>(
  divisions: readonly T[],
): T[] {
  return [...divisions].sort(
    (a, b) =>
      Math.abs(b.change) - Math.abs(a.change) ||
      a.division.name.localeCompare(b.division.name, 'zh'),
  );
}

/** `+3`, `-1.5`, `0`: a change as the preview shows it. */
export function signedPoints(change: number): string {
  const rounded = Math.round(change * 100) / 100;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}
