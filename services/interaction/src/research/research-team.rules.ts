/**
 * 统一调配使用调研力量: how many selected topics each person is on, and whether a team would put
 * anyone over the limit. Pure: loads come in counted.
 */
export function overAllocationProblems(
  teamStaffIds: readonly string[],
  /** Selected topics each person is on now, not counting the topic being staffed. */
  currentLoads: ReadonlyMap<string, number>,
  limit: number,
  names: ReadonlyMap<string, string> = new Map(),
): string[] {
  return [...new Set(teamStaffIds)]
    .filter((staffId) => (currentLoads.get(staffId) ?? 0) + 1 > limit)
    .map(
      (staffId) =>
        `${names.get(staffId) ?? staffId}已参加 ${currentLoads.get(staffId) ?? 0} 个调研课题，每人最多 ${limit} 个`,
    );
}
