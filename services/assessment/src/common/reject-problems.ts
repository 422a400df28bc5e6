import { badInput } from '@heli/subgraph-runtime';

/**
 * Fails with one BAD_USER_INPUT naming every problem found, so a person fixes their input in one
 * go rather than one complaint at a time. `problems` keeps them apart for clients that want to.
 */
export function rejectProblems(problems: readonly (string | null)[]): void {
  const found = problems.filter((problem) => problem !== null);
  if (found.length > 0) throw badInput(found.join('；'), { problems: found });
}

/** Why a text cannot be stored, or null; length counts characters as a person sees them. */
export function textProblem(
  label: string,
  value: string,
  maxLength: number,
  { required = true }: { required?: boolean } = {},
): string | null {
  const text = value.trim();
  if (required && text === '') return `${label}不能为空`;
  if ([...text].length > maxLength) return `${label}不能超过 ${maxLength} 个字`;
  return null;
}
