/**
 * What is wrong with the items chosen for a 精品交流 issue, naming each one that cannot be used,
 * given which of them were found: entries of the office, submissions that were adopted. An empty
 * issue is only reported when nothing was chosen, not when everything chosen was unusable.
 */
export function featuredSelectionProblems(
  chosen: { catalogEntryIds: readonly string[]; infoSubmissionIds: readonly string[] },
  found: { entryIds: readonly string[]; adoptedSubmissionIds: readonly string[] },
): string[] {
  const problems: string[] = [];
  if (chosen.catalogEntryIds.length + chosen.infoSubmissionIds.length === 0) {
    problems.push('精品交流至少要有一项内容');
  }
  const entries = new Set(found.entryIds);
  const missingEntries = [...new Set(chosen.catalogEntryIds)].filter((id) => !entries.has(id));
  if (missingEntries.length > 0) {
    problems.push(`找不到查阅条目：${missingEntries.join('、')}`);
  }
  const adopted = new Set(found.adoptedSubmissionIds);
  const notAdopted = [...new Set(chosen.infoSubmissionIds)].filter((id) => !adopted.has(id));
  if (notAdopted.length > 0) {
    problems.push(`只能选用已采用的信息，以下信息不存在或未采用：${notAdopted.join('、')}`);
  }
  return problems;
}
