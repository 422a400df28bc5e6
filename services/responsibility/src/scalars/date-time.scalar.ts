import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ResponsibilityResolvers } from '../context.js';

// An offset is required: a deadline without one would mean a different instant on every server.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(
      `时间格式不正确：${JSON.stringify(value)}，应为带时区的 ISO 8601 时间，如 2026-12-01T17:00:00+08:00`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return new Date(value);
}

export const dateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an ISO 8601 string with its offset',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return parseInstant(value).toISOString();
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw parseInstant(undefined);
    return parseInstant(ast.value);
  },
});

export const dateTimeResolvers: ResponsibilityResolvers = { DateTime: dateTimeScalar };
