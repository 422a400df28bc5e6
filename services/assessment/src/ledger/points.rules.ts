/**
 * The largest score one rule, cap or correction may give. The default rules give at most a few
 * points an event; a bound keeps every sum of the ledger finite, so no entry can break totals.
 */
export const MAX_POINTS = 1000;

/** Why `points` cannot be a score (a rule's points, a cap, a correction), or null. */
export function pointsProblem(label: string, points: number): string | null {
  if (!Number.isFinite(points) || Math.abs(points) > MAX_POINTS) {
    return `${label}超出范围：绝对值不能超过 ${MAX_POINTS}`;
  }
  if (Math.abs(Math.round(points * 100) - points * 100) >= 1e-9) return `${label}最多两位小数`;
  return null;
}
