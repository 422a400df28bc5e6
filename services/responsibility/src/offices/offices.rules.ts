import { textProblem } from '@heli/subgraph-runtime';
import { normalizeText } from '../organisation/text-field.rules.js';

/** Where an office stands relative to the own office (本级办公厅). */
export const OFFICE_KINDS = ['OWN', 'HIGHER', 'LOWER', 'PARTNER', 'EXTERNAL'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export const OFFICE_NAME_MAX_LENGTH = 60;
export const OFFICE_SHORT_NAME_MAX_LENGTH = 30;

export interface OfficeFields {
  name: string;
  shortName: string;
  kind: OfficeKind;
  parentId: string | null;
}

export function normalizeOfficeFields(fields: OfficeFields): OfficeFields {
  return {
    ...fields,
    name: normalizeText(fields.name),
    shortName: normalizeText(fields.shortName),
  };
}

/** Everything wrong with the fields of office `officeId` that can be told without the database. */
export function officeFieldProblems(officeId: string, fields: OfficeFields): string[] {
  const problems = [
    textProblem('单位名称', fields.name, OFFICE_NAME_MAX_LENGTH),
    textProblem('单位简称', fields.shortName, OFFICE_SHORT_NAME_MAX_LENGTH),
    fields.parentId === officeId ? '上级单位不能是本单位自己' : null,
  ];
  return problems.filter((problem) => problem !== null);
}

/**
 * Whether making `parentId` the parent of `officeId` would close a loop in the hierarchy, given
 * every office's current parent. Returns the loop as office ids, starting and ending at
 * `officeId`, or null when there is none.
 */
export function parentCycle(
  officeId: string,
  parentId: string | null,
  parentOf: ReadonlyMap<string, string | null>,
): string[] | null {
  const path = [officeId];
  const seen = new Set<string>([officeId]);
  for (let current = parentId; current !== null; current = parentOf.get(current) ?? null) {
    path.push(current);
    if (current === officeId) return path;
    // A loop elsewhere in stored data must not hang the check; it does not involve this office.
    if (seen.has(current)) return null;
    seen.add(current);
  }
  return null;
}

/** The own office anchors the hierarchy; letting it turn into another kind would orphan it. */
export function ownOfficeKindChangeProblem(before: OfficeKind, after: OfficeKind): string | null {
  return before === 'OWN' && after !== 'OWN' ? '本级办公厅的类型不能更改' : null;
}

/** There is one own office; a second one would make "our office" ambiguous everywhere. */
export function isSecondOwnOffice(
  officeId: string,
  kind: OfficeKind,
  existingOwnOfficeId: string | null,
): boolean {
  return kind === 'OWN' && existingOwnOfficeId !== null && existingOwnOfficeId !== officeId;
}

/** An update as a client sends it: absent fields stay; `parentId: null` removes the parent. */
export interface OfficePatch {
  name?: string | null;
  shortName?: string | null;
  kind?: OfficeKind | null;
  parentId?: string | null;
}

export function applyOfficePatch(before: OfficeFields, patch: OfficePatch): OfficeFields {
  return {
    name: patch.name ?? before.name,
    shortName: patch.shortName ?? before.shortName,
    kind: patch.kind ?? before.kind,
    parentId: patch.parentId === undefined ? before.parentId : patch.parentId,
  };
}
