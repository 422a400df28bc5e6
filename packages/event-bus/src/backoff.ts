/**
 * Exponential backoff with a ceiling: base, 2·base, 4·base, … capped at maxMs. Jitter spreads the
 * retries of many replicas that lost NATS at the same moment, so they do not all return at once.
 */
export type Backoff = (attempt: number) => number;

export type BackoffOptions = {
  baseMs: number;
  maxMs: number;
  /** Fraction of the delay that is randomised downwards, 0 (none) … 1. */
  jitter?: number;
  random?: () => number;
};

export function exponentialBackoff(opts: BackoffOptions): Backoff {
  const { baseMs, maxMs, jitter = 0, random = Math.random } = opts;
  if (baseMs <= 0 || maxMs < baseMs) {
    throw new RangeError(`backoff needs 0 < baseMs <= maxMs, got ${baseMs} and ${maxMs}`);
  }
  if (jitter < 0 || jitter > 1)
    throw new RangeError(`backoff jitter must be in [0, 1], got ${jitter}`);
  return (attempt) => {
    // Attempts past ~50 would overflow 2^n; the cap is reached long before that anyway.
    const exponent = Math.min(Math.max(attempt, 1) - 1, 50);
    const delay = Math.min(maxMs, baseMs * 2 ** exponent);
    return Math.round(delay * (1 - jitter * random()));
  };
}

/**
 * How long a relay waits before its next poll after `emptyDrains` drains in a row found nothing:
 * `pollMs` while there is work (0 or 1 empty drain), then doubling, capped at `idlePollMs`.
 */
export function idlePollDelay(emptyDrains: number, pollMs: number, idlePollMs: number): number {
  const exponent = Math.min(Math.max(emptyDrains - 1, 0), 30);
  return Math.max(pollMs, Math.min(idlePollMs, pollMs * 2 ** exponent));
}
