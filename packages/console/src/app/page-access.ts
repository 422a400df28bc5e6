import { adminSections } from '../pages/admin/admin';

/**
 * Who may use the pages that are not for everybody — 管理, 考核 and 查询 — as the subgraphs that
 * own them decide: the menu shows an entry only to those, and the page itself shows the FORBIDDEN
 * page to anyone else who reaches it by URL. The subgraphs enforce the same rules whatever the
 * console shows.
 */
export interface PageViewer {
  roles: readonly string[];
  divisionId: string | null | undefined;
}

/** 管理: administrators (组织机构), assessors and office leadership (评分标准). */
export function mayUseAdmin(viewer: PageViewer): boolean {
  const sections = adminSections(viewer.roles);
  return sections.organisation || sections.scoringRules;
}

/** Roles that see every division's score entries (assessment's `canSeeAllScoreDetails`). */
const SEE_ALL_SCORES = ['ANALYST', 'OFFICE_LEADER', 'COMMITTEE_LEADER', 'ASSESSOR'];

/**
 * 考核: the divisions compete on it (相互学习、相互竞争), so every division's people see it — the
 * leaderboard and their own division's entries — and so do those who assess or lead (every
 * division's entries). Someone outside any division without such a role (an administrator, a
 * security officer, a liaison) has nothing there to act on or answer for.
 */
export function mayUseAssessment(viewer: PageViewer): boolean {
  return viewer.divisionId != null || viewer.roles.some((role) => SEE_ALL_SCORES.includes(role));
}

/**
 * 查询: analysts keep saved queries; anybody runs those they can see (their own and those shared
 * in their office, docs/adr/025) — so the page is for analysts and for whoever has one to run.
 */
export function mayUseQueries(viewer: PageViewer, visibleQueries: number): boolean {
  return viewer.roles.includes('ANALYST') || visibleQueries > 0;
}

export interface PageAccess {
  admin: boolean;
  assessment: boolean;
  queries: boolean;
}

export function pageAccess(viewer: PageViewer, visibleQueries: number): PageAccess {
  return {
    admin: mayUseAdmin(viewer),
    assessment: mayUseAssessment(viewer),
    queries: mayUseQueries(viewer, visibleQueries),
  };
}

/** The menu's paths behind an access rule; every other entry shows to everybody. */
const GUARDED: Record<string, keyof PageAccess> = {
  '/admin': 'admin',
  '/assessment': 'assessment',
  '/queries': 'queries',
};

/** The entries the viewer may use; the guarded ones stay hidden until access is known. */
export function visibleMenu<T extends { key: string }>(
  menu: readonly T[],
  access: PageAccess | undefined,
): T[] {
  return menu.filter((item) => {
    const rule = GUARDED[item.key];
    return rule === undefined || (access?.[rule] ?? false);
  });
}
