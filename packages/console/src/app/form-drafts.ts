import dayjs, { type Dayjs } from 'dayjs';

/**
 * Half-filled forms survive the end of a session: each change is kept in sessionStorage (this tab
 * only, gone with it) under the page and the form, and the form starts from it when the person is
 * back on that page after signing in again. A submitted form forgets its draft. Dates (dayjs, as
 * the date pickers give them) come back as dates.
 */
const PREFIX = 'heli.draft:';

/** One draft per page (its path: two matters' forms never share one) and form. */
export const draftKey = (page: string, form: string): string => `${PREFIX}${page}#${form}`;

const DATE = '$dayjs';

export function saveDraft(storage: Storage, key: string, values: Record<string, unknown>): void {
  const json = JSON.stringify(values, function (this: Record<string, unknown>, field, value) {
    const raw = this[field];
    return dayjs.isDayjs(raw) ? { [DATE]: (raw as Dayjs).toISOString() } : (value as unknown);
  });
  try {
    storage.setItem(key, json);
  } catch {
    // A full storage loses the draft, not the form.
  }
}

export function loadDraft(storage: Storage, key: string): Record<string, unknown> | undefined {
  const json = storage.getItem(key);
  if (!json) return undefined;
  try {
    return JSON.parse(json, (_field, value: unknown) =>
      value !== null && typeof value === 'object' && DATE in value
        ? dayjs((value as Record<string, string>)[DATE])
        : value,
    ) as Record<string, unknown>;
  } catch {
    storage.removeItem(key);
    return undefined;
  }
}

export function clearDraft(storage: Storage, key: string): void {
  storage.removeItem(key);
}

const OWNER = 'heli.draft-owner';

/**
 * Drafts are one person's: called at each sign-in, it keeps them when the same person signs in
 * again and drops them when someone else does on this tab.
 */
export function claimDrafts(storage: Storage, person: string): void {
  if (storage.getItem(OWNER) === person) return;
  for (let i = storage.length - 1; i >= 0; i -= 1) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) storage.removeItem(key);
  }
  storage.setItem(OWNER, person);
}
