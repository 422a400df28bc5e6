import type { KeyValueStorage } from './oidc-sign-in';

const AUTOMATIC_KEY = 'heli.oidc-automatic-at';
/** At most one automatic trip to the provider in this long, per tab. */
export const AUTOMATIC_SIGN_IN_INTERVAL_MS = 2 * 60_000;

/**
 * Whether an ended session may go straight back to the provider, and if so records that it did.
 * Usually the provider's own session is still open and the person is back at once, form drafts
 * intact; but should the gateway keep refusing what the provider issues (a misconfiguration),
 * the second time the person stays on the sign-in page instead of bouncing for ever.
 */
export function mayRedirectAutomatically(storage: KeyValueStorage, now = Date.now()): boolean {
  const last = Number(storage.getItem(AUTOMATIC_KEY));
  if (Number.isFinite(last) && last > 0 && now - last < AUTOMATIC_SIGN_IN_INTERVAL_MS) return false;
  storage.setItem(AUTOMATIC_KEY, String(now));
  return true;
}
