/**
 * A required piece of text as the organisation stores it: surrounding whitespace removed, which
 * is what a person means when they paste "  综合一处 " into a form.
 */
export function normalizeText(value: string): string {
  return value.trim();
}
