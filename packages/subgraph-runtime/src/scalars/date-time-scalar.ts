import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// An offset is required: a deadline without one would mean a different instant on every server.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a client's instant, strictly: `Date.parse` would quietly turn 2027-02-30 into 2 March,
 * and a deadline nobody wrote is worse than a refusal.
 */
export function parseInstant(value: unknown): Date {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = (
    match?.slice(1) ?? []
  ).map((part) => (part === undefined ? undefined : Number(part)));
  const valid =
    match !== null &&
    year !== undefined &&
    month !== undefined &&
    day !== undefined &&
    hour !== undefined &&
    minute !== undefined &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 14 &&
    offsetMinutes <= 59;
  if (!valid) {
    throw new GraphQLError(
      `时间格式不正确：${JSON.stringify(value)}，应为带时区的 ISO 8601 时间，如 2026-12-01T17:00:00+08:00`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return new Date(value as string);
}

/** `scalar DateTime`: an instant, arriving as ISO 8601 with its offset, leaving in UTC. */
export const dateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an ISO 8601 string with its offset',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    return parseInstant(value).toISOString();
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    return parseInstant(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});
