const MAX_NAMED = 10;

/** What the directory knows about a person named as a recipient. */
export interface KnownStaff {
  _id: string;
  name: string;
  active: boolean;
}

/**
 * Everything wrong with the people and divisions a document is sent, circulated or assigned to,
 * as far as the directory knows them: an id it does not know would leave a request nobody can
 * ever act on, and someone who has left would hold a circulation up for good.
 */
export function recipientProblems(
  named: { staffIds?: readonly string[]; divisionIds?: readonly string[] },
  known: { staff: readonly KnownStaff[]; divisionIds: readonly string[] },
): string[] {
  const staffById = new Map(known.staff.map((staff) => [staff._id, staff]));
  const knownDivisions = new Set(known.divisionIds);
  const problems: string[] = [];
  for (const staffId of new Set(named.staffIds ?? [])) {
    const staff = staffById.get(staffId);
    if (staff === undefined) problems.push(`找不到人员“${staffId}”`);
    else if (!staff.active) problems.push(`${staff.name}已离职或停用，不能作为接收人`);
  }
  for (const divisionId of new Set(named.divisionIds ?? [])) {
    if (!knownDivisions.has(divisionId)) problems.push(`找不到处室“${divisionId}”`);
  }
  // A list pasted wrong can name hundreds; the first few say what is wrong without a wall of text.
  if (problems.length > MAX_NAMED) {
    return [
      ...problems.slice(0, MAX_NAMED),
      `另有 ${problems.length - MAX_NAMED} 个接收人无法分送`,
    ];
  }
  return problems;
}
