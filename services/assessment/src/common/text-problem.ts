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
