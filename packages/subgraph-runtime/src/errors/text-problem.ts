/**
 * Why `value` cannot be stored as the text `label`, or null when it can: surrounding whitespace is
 * not counted (it is what a person means when they paste "  综合一处 "), and length counts
 * characters as a person sees them. A problem for `rejectProblems`.
 */
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
