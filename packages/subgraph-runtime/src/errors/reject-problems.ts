import { badInput } from './public-errors.js';

/** Problems named in one refusal at most: enough to fix a form, never a wall of 20,000 ids. */
export const MAX_PROBLEMS_NAMED = 10;

/**
 * Fails with one BAD_USER_INPUT naming every problem found (the first MAX_PROBLEMS_NAMED, and how
 * many more), so a person fixes their input in one go rather than one complaint at a time.
 * `problems` keeps the named ones apart for clients that want to.
 */
export function rejectProblems(problems: readonly (string | null)[]): void {
  const found = problems.filter((problem) => problem !== null);
  if (found.length === 0) return;
  const named = found.slice(0, MAX_PROBLEMS_NAMED);
  const more = found.length - named.length;
  const message = named.join('；') + (more > 0 ? `；另有 ${more} 处问题` : '');
  throw badInput(message, { problems: named, ...(more > 0 && { moreProblems: more }) });
}
