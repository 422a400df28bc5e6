import { badInput } from '@heli/subgraph-runtime';

/** Reads a client's ISO 8601 time, failing with a message that names the field. */
export function parseIsoTime(value: string, field: string): Date {
  const time = new Date(value);
  if (Number.isNaN(time.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    throw badInput(`${field} 不是有效的时间（ISO 8601，如 2026-03-05T09:00:00+08:00）`, {
      fields: [field],
    });
  }
  return time;
}

/**
 * Times leave the service as ISO 8601 strings in UTC. A time that is always set gives a string,
 * so a non-null SDL field can be resolved from it.
 */
export function isoTime(time: Date): string;
export function isoTime(time: Date | null | undefined): string | null;
export function isoTime(time: Date | null | undefined): string | null {
  return time?.toISOString() ?? null;
}
