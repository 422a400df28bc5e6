import { badInput } from '@heli/subgraph-runtime';

/** China Standard Time, the office's: a period starts at local midnight. */
const OFFSET_MS = 8 * 3_600_000;

/**
 * A period as assessment names them — a year `2026`, a quarter `2026-Q2` or a month `2026-05` —
 * as the instants it runs from (inclusive) to (exclusive), in office time.
 */
export function periodRange(period: string): { from: Date; to: Date } {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(period);
  if (!match) throw badInput(`期间“${period.slice(0, 20)}”格式不对：应为 2026、2026-Q2 或 2026-05`);
  const year = Number(match[1]);
  const [firstMonth, months] = match[2]
    ? [(Number(match[2]) - 1) * 3, 3]
    : match[3]
      ? [Number(match[3]) - 1, 1]
      : [0, 12];
  const at = (month: number) => new Date(Date.UTC(year, month, 1) - OFFSET_MS);
  return { from: at(firstMonth), to: at(firstMonth + months) };
}
