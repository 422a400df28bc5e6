import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Instants leave as ISO strings and arrive as RFC 3339 strings with an offset. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue(value) {
    return parseInstant(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parseInstant(ast.value);
  },
});

function parseInstant(value: unknown): Date {
  const text = String(value);
  const date = new Date(text);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ||
    Number.isNaN(date.getTime())
  ) {
    throw new GraphQLError(`“${text}”不是带时区的时间（例如 2026-05-12T10:30:00+08:00）`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}
