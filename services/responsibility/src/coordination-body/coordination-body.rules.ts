import { textProblem } from '@heli/subgraph-runtime';
import { isOfficeLeader, type Role } from '@heli/auth';
import { normalizeText } from '../organisation/text-field.rules.js';
import { outsideOwnOfficeProblem } from '../staff/staff.rules.js';

/** The office has one coordination body (协调机构); this is its id. */
export const COORDINATION_BODY_ID = 'coordination-body';

export const COORDINATION_BODY_NAME_MAX_LENGTH = 60;
export const COORDINATION_BODY_RESPONSIBILITIES_MAX_LENGTH = 4000;
export const COORDINATION_BODY_MAX_MEMBERS = 100;

export interface CoordinationBodyFields {
  name: string;
  leadId: string;
  memberIds: string[];
  responsibilities: string;
}

/**
 * Trims the text and drops repeated members, and the lead from the members: the lead leads the
 * body and is listed once, as its lead.
 */
export function normalizeCoordinationBodyFields(
  fields: CoordinationBodyFields,
): CoordinationBodyFields {
  return {
    ...fields,
    name: normalizeText(fields.name),
    responsibilities: normalizeText(fields.responsibilities),
    memberIds: [...new Set(fields.memberIds)].filter((id) => id !== fields.leadId),
  };
}

export function coordinationBodyFieldProblems(fields: CoordinationBodyFields): string[] {
  const problems = [
    textProblem('协调机构名称', fields.name, COORDINATION_BODY_NAME_MAX_LENGTH),
    textProblem(
      '协调机构职责',
      fields.responsibilities,
      COORDINATION_BODY_RESPONSIBILITIES_MAX_LENGTH,
    ),
    fields.memberIds.length === 0 ? '协调机构至少需要一名成员' : null,
    fields.memberIds.length > COORDINATION_BODY_MAX_MEMBERS
      ? `协调机构成员不能超过 ${COORDINATION_BODY_MAX_MEMBERS} 人`
      : null,
  ];
  return problems.filter((problem) => problem !== null);
}

/** The body is led by office leadership (in practice the executive deputy director). */
export function leadProblem(
  leadId: string,
  lead: { name: string; roles: readonly Role[] } | null,
): string | null {
  if (lead === null) return `找不到牵头人“${leadId}”`;
  if (!isOfficeLeader(lead)) return `协调机构须由厅领导牵头，${lead.name}不是厅领导`;
  return null;
}

/** Names the members that do not exist, so the caller can correct them all at once. */
export function unknownMembersProblem(
  memberIds: readonly string[],
  existingIds: ReadonlySet<string>,
): string | null {
  const unknown = memberIds.filter((id) => !existingIds.has(id));
  return unknown.length === 0 ? null : `找不到以下成员：${unknown.join('、')}`;
}

/**
 * The body coordinates the own office's divisions, so its lead and members are people still
 * working in the own office: not someone who has left, not a liaison of another office.
 */
export function unfitMemberProblems(
  people: readonly { name: string; officeId: string; active: boolean }[],
  ownOfficeId: string,
): string[] {
  return people
    .flatMap((person) => [
      person.active ? null : `${person.name}已离职，不能进入协调机构`,
      outsideOwnOfficeProblem(person, ownOfficeId, '进入协调机构'),
    ])
    .filter((problem) => problem !== null);
}
