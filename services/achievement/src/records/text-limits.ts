import { textProblem } from '@heli/subgraph-runtime';

/**
 * How long free text may be. Titles stay readable in lists; bodies may be whole reports but are
 * bounded so one request cannot push a record towards MongoDB's 16 MB limit.
 */
export const MAX_TITLE_LENGTH = 200;
export const MAX_NOTE_LENGTH = 2_000;
export const MAX_SUMMARY_LENGTH = 5_000;
export const MAX_BODY_LENGTH = 200_000;
export const MAX_KEYWORD_LENGTH = 50;
export const MAX_KEYWORDS = 20;
/** Divisions or people one record may name: an office has a few dozen divisions. */
export const MAX_NAMED = 50;

/** Problems of a list of ids: too many, blank or repeated ones. */
export function idListProblems(label: string, ids: readonly string[], max = MAX_NAMED): string[] {
  const problems: string[] = [];
  if (ids.length > max) problems.push(`${label}不能超过 ${max} 个`);
  if (ids.some((id) => id.trim() === '')) problems.push(`${label}不能为空`);
  if (new Set(ids).size !== ids.length) problems.push(`${label}有重复`);
  return problems;
}

export function keywordProblems(keywords: readonly string[]): (string | null)[] {
  return [
    keywords.length > MAX_KEYWORDS ? `关键词不能超过 ${MAX_KEYWORDS} 个` : null,
    ...keywords.map((keyword) => textProblem('关键词', keyword, MAX_KEYWORD_LENGTH)),
  ];
}
