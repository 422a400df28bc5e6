/**
 * Times leave the service as ISO 8601 strings in UTC (the `DateTime` scalar reads them in, strictly,
 * with an offset). A time that is always set gives a string,
 * so a non-null SDL field can be resolved from it.
 */
export function isoTime(time: Date): string;
export function isoTime(time: Date | null | undefined): string | null;
export function isoTime(time: Date | null | undefined): string | null {
  return time?.toISOString() ?? null;
}
