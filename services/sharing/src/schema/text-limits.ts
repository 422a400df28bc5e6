/**
 * How long free text may be. Titles and short notes stay readable in lists and inboxes; bodies
 * may be whole documents but are bounded so one request cannot fill a record towards MongoDB's
 * 16 MB limit or make every search and digest that copies them slow.
 */
export const MAX_TITLE_LENGTH = 200;
export const MAX_NOTE_LENGTH = 2_000;
export const MAX_SUMMARY_LENGTH = 5_000;
export const MAX_KEYWORD_LENGTH = 50;
export const MAX_BODY_LENGTH = 200_000;

/** A problem naming the field when `text` is longer than `max`, else null. */
export function lengthProblem(
  text: string | null | undefined,
  max: number,
  field: string,
): string | null {
  return text != null && text.length > max ? `${field}不能超过 ${max} 个字` : null;
}
