import { textProblem } from '@heli/subgraph-runtime';
import { normalizeText } from '../organisation/text-field.rules.js';

/** The secretariat (秘书处) is a division with its own work: collecting and distributing. */
export const DIVISION_KINDS = ['DIVISION', 'SECRETARIAT'] as const;
export type DivisionKind = (typeof DIVISION_KINDS)[number];

export const DIVISION_NAME_MAX_LENGTH = 30;

export interface DivisionFields {
  name: string;
  kind: DivisionKind;
  headId: string | null;
}

export function normalizeDivisionFields(fields: DivisionFields): DivisionFields {
  return { ...fields, name: normalizeText(fields.name) };
}

export function divisionFieldProblems(fields: DivisionFields): string[] {
  const problems = [textProblem('处室名称', fields.name, DIVISION_NAME_MAX_LENGTH)];
  return problems.filter((problem) => problem !== null);
}

/**
 * Why the staff member `headId` cannot head division `divisionId`, or null when they can. A head
 * comes from the division's own people, so assign someone to the division before making them
 * its head.
 */
export function headProblem(
  divisionId: string,
  headId: string | null,
  head: { name: string; divisionId: string | null } | null,
): string | null {
  if (headId === null) return null;
  if (head === null) return `找不到人员“${headId}”`;
  if (head.divisionId !== divisionId) return `${head.name}不是本处室人员，不能担任处室负责人`;
  return null;
}

/** An office has one secretariat: the information it collects must have one home. */
export function isSecondSecretariat(
  divisionId: string,
  kind: DivisionKind,
  existingSecretariatId: string | null,
): boolean {
  return (
    kind === 'SECRETARIAT' && existingSecretariatId !== null && existingSecretariatId !== divisionId
  );
}

/** An update as a client sends it: absent fields stay; `headId: null` removes the head. */
export interface DivisionPatch {
  name?: string | null;
  kind?: DivisionKind | null;
  headId?: string | null;
}

export function applyDivisionPatch(before: DivisionFields, patch: DivisionPatch): DivisionFields {
  return {
    name: patch.name ?? before.name,
    kind: patch.kind ?? before.kind,
    headId: patch.headId === undefined ? before.headId : patch.headId,
  };
}
