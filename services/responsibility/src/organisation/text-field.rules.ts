/**
 * A required piece of text as the organisation stores it: surrounding whitespace removed, which
 * is what a person means when they paste "  综合一处 " into a form.
 */
export function normalizeText(value: string): string {
  return value.trim();
}

/** Why `value` cannot be stored as the required text `label`, or null when it can. */
export function requiredTextProblem(
  label: string,
  value: string,
  maxLength: number,
): string | null {
  const text = normalizeText(value);
  if (text.length === 0) return `${label}不能为空`;
  if ([...text].length > maxLength) return `${label}不能超过 ${maxLength} 个字`;
  return null;
}
