import { badInput } from './public-errors.js';

/**
 * Fails with one BAD_USER_INPUT naming every problem found, so a person fixes their input in one
 * go rather than one complaint at a time. `problems` keeps them apart for clients that want to.
 */
export function rejectProblems(problems: readonly (string | null)[]): void {
  const found = problems.filter((problem) => problem !== null);
  if (found.length > 0) throw badInput(found.join('；'), { problems: found });
}
