import { textProblem } from '@heli/subgraph-runtime';
import { hasRole, type Classification, type HeliClaims, type Role } from '@heli/auth';
import { normalizeText } from '../organisation/text-field.rules.js';

export const STAFF_NAME_MAX_LENGTH = 30;
export const STAFF_TITLE_MAX_LENGTH = 50;

// Office extensions (0451-84670101), mobiles (13945678901) and international forms (+86 …).
const PHONE_PATTERN = /^\+?[0-9][0-9 -]{2,18}[0-9]$/;

export interface StaffFields {
  name: string;
  title: string;
  officeId: string;
  /** Null for people outside any division: office leadership, committee leaders, liaisons. */
  divisionId: string | null;
  roles: Role[];
  clearance: Classification;
  phone: string | null;
}

/** Trims the text, drops a blank phone and repeated roles (keeping the order given). */
export function normalizeStaffFields<T extends StaffFields>(fields: T): T {
  const phone = fields.phone === null ? null : normalizeText(fields.phone);
  return {
    ...fields,
    name: normalizeText(fields.name),
    title: normalizeText(fields.title),
    roles: [...new Set(fields.roles)],
    phone: phone === '' ? null : phone,
  };
}

export function staffFieldProblems(fields: StaffFields): string[] {
  const problems = [
    textProblem('姓名', fields.name, STAFF_NAME_MAX_LENGTH),
    textProblem('职务', fields.title, STAFF_TITLE_MAX_LENGTH),
    fields.roles.length === 0 ? '至少需要一个角色' : null,
    fields.phone !== null && !PHONE_PATTERN.test(fields.phone)
      ? `电话号码“${fields.phone}”格式不正确`
      : null,
  ];
  return problems.filter((problem) => problem !== null);
}

/**
 * The office a staff member belongs to: the one given, or else the office of their division.
 * Returns a problem when neither is known or the two disagree.
 */
export function staffOffice(
  requestedOfficeId: string | null,
  division: { name: string; officeId: string } | null,
): { officeId: string } | { problem: string } {
  if (division === null) {
    return requestedOfficeId === null
      ? { problem: '请指定所属单位或处室' }
      : { officeId: requestedOfficeId };
  }
  if (requestedOfficeId !== null && requestedOfficeId !== division.officeId) {
    return { problem: `处室“${division.name}”不属于所指定的单位` };
  }
  return { officeId: division.officeId };
}

/**
 * A division must not be left with a head who no longer works in it: moving its head elsewhere
 * waits until someone else has been made head.
 */
export function headLeavingProblem(
  staff: { name: string },
  newDivisionId: string | null,
  headedDivision: { id: string; name: string } | null,
): string | null {
  if (headedDivision === null || newDivisionId === headedDivision.id) return null;
  return `${staff.name}是${headedDivision.name}负责人，调离前请先更换该处室负责人`;
}

export interface StaffState extends StaffFields {
  active: boolean;
}

/**
 * An update as a client sends it: absent fields stay; `divisionId: null` takes the person out of
 * their division and `phone: null` removes the number. The office follows a new division unless
 * given as well.
 */
export interface StaffPatch {
  name?: string | null;
  title?: string | null;
  officeId?: string | null;
  divisionId?: string | null;
  roles?: Role[] | null;
  clearance?: Classification | null;
  phone?: string | null;
  active?: boolean | null;
}

/** The requested state; `officeId` is what the client asked for, null meaning "follow the division". */
export function applyStaffPatch(
  before: StaffState,
  patch: StaffPatch,
): Omit<StaffState, 'officeId'> & { officeId: string | null } {
  const divisionId = patch.divisionId === undefined ? before.divisionId : patch.divisionId;
  const divisionChanged = divisionId !== before.divisionId;
  return {
    name: patch.name ?? before.name,
    title: patch.title ?? before.title,
    officeId: patch.officeId ?? (divisionChanged && divisionId !== null ? null : before.officeId),
    divisionId,
    roles: patch.roles ?? before.roles,
    clearance: patch.clearance ?? before.clearance,
    phone: patch.phone === undefined ? before.phone : patch.phone,
    active: patch.active ?? before.active,
  };
}

/**
 * Separation of duties: an administrator keeps everyone's roles and clearance but their own, so
 * nobody can raise their own clearance or grant themselves a role without a second person.
 * Repeating the roles they already hold, in any order, is no change.
 */
export function changesOwnPrivileges(
  editorId: string,
  staffId: string,
  before: Pick<StaffState, 'roles' | 'clearance'>,
  after: Pick<StaffState, 'roles' | 'clearance'>,
): boolean {
  if (editorId !== staffId) return false;
  const sameRoles =
    before.roles.length === after.roles.length &&
    after.roles.every((role) => before.roles.includes(role));
  return !sameRoles || before.clearance !== after.clearance;
}

/**
 * A clearance says what a person may read, which is itself sensitive: it is shown only to the
 * person, to those who keep clearances (security officers, administrators) and to office
 * leadership, never to other staff or to people of other offices.
 */
export function canSeeClearance(
  viewer: Pick<HeliClaims, 'sub' | 'roles'>,
  staffId: string,
): boolean {
  return viewer.sub === staffId || hasRole(viewer, 'OFFICE_LEADER', 'SECURITY_OFFICER', 'ADMIN');
}

/**
 * Only the own office's people work on its matters and in its coordination body; someone of
 * another office (a liaison of a higher or lower office) is named to say why not.
 */
export function outsideOwnOfficeProblem(
  person: { name: string; officeId: string },
  ownOfficeId: string | null,
  role: string,
): string | null {
  return person.officeId === ownOfficeId ? null : `${person.name}不是本办公厅人员，不能${role}`;
}
