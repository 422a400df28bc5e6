// Characters that show nothing: zero-width spaces and joiners, word joiner, byte-order mark,
// Hangul fillers, and every kind of space (the ideographic U+3000 included).
const INVISIBLE = /[\s\u200B-\u200F\u2060-\u2064\u180E\uFEFF\u115F\u1160\u3164\uFFA0]/gu;

/** Whether the text shows nothing at all to a reader, e.g. "\u200b\u3000 ". */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/**
 * Why `value` cannot be stored as the text `label`, or null when it can: surrounding whitespace is
 * not counted (it is what a person means when they paste "  综合一处 "), and length counts
 * characters as a person sees them; text of invisible characters only is empty. A problem for
 * `rejectProblems`.
 */
export function textProblem(
  label: string,
  value: string,
  maxLength: number,
  { required = true }: { required?: boolean } = {},
): string | null {
  const text = value.trim();
  if (required && isBlank(text)) return `${label}不能为空`;
  if ([...text].length > maxLength) return `${label}不能超过 ${maxLength} 个字`;
  return null;
}
