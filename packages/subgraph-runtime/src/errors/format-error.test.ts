import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import mongoose from 'mongoose';
import { runWithRequestContext } from '@heli/service-kit';
import { capturedLogger } from '@heli/testkit';
import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error.js';
import { createErrorFormatter, INTERNAL_ERROR_MESSAGE } from './format-error.js';
import { badInput, conflict, forbidden, notFound, unauthenticated } from './public-errors.js';

function formatterWithLog() {
  const { logger, lines } = capturedLogger('test');
  return { format: createErrorFormatter(logger), lines };
}

// What Apollo hands formatError for an error thrown in a resolver: the located GraphQLError
// wrapping the original, plus Apollo's own formatted version of it.
function thrownInResolver(original: Error): [GraphQLFormattedError, unknown] {
  const located = new GraphQLError(original.message, {
    path: ['office'],
    originalError: original,
    extensions: original instanceof GraphQLError ? original.extensions : {},
  });
  const code =
    original instanceof GraphQLError ? original.extensions['code'] : 'INTERNAL_SERVER_ERROR';
  return [
    { message: original.message, path: ['office'], extensions: { code, stacktrace: ['at x'] } },
    located,
  ];
}

describe('createErrorFormatter', () => {
  it('reports a scalar refusing a literal in the query as BAD_USER_INPUT, not a validation fault', () => {
    const { format } = formatterWithLog();
    // What Apollo's ValidationError carries: the scalar's own error as its originalError.
    const refusal = badInput('时间格式不正确："tomorrow"');
    const validation = new GraphQLError(refusal.message, {
      originalError: refusal,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = format(
      { message: refusal.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      validation,
    );
    expect(formatted).toEqual({
      message: '时间格式不正确："tomorrow"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it.each([
    ['BAD_USER_INPUT', badInput('name must not be empty', { fields: ['name'] })],
    ['NOT_FOUND', notFound('Office o-1')],
    ['FORBIDDEN', forbidden()],
    ['CONFLICT', conflict('The code is taken')],
    ['UNAUTHENTICATED', unauthenticated()],
  ])('passes %s through with its message, without a stack trace', (code, error) => {
    const { format, lines } = formatterWithLog();
    const formatted = format(...thrownInResolver(error));
    expect(formatted.message).toBe(error.message);
    expect(formatted.extensions?.['code']).toBe(code);
    expect(formatted.extensions).not.toHaveProperty('stacktrace');
    expect(formatted.path).toEqual(['office']);
    expect(lines).toEqual([]);
  });

  it('keeps the details given to badInput', () => {
    const { format } = formatterWithLog();
    const formatted = format(...thrownInResolver(badInput('bad', { fields: ['name'] })));
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['name'] });
  });

  it('converts a DomainError to its code and message', () => {
    class DeadlinePassed extends DomainError {
      override readonly name = 'DeadlinePassed';
      constructor() {
        super('The deadline has passed', { code: 'CONFLICT', details: { deadline: '2026-01-01' } });
      }
    }
    const { format } = formatterWithLog();
    const formatted = format(...thrownInResolver(new DeadlinePassed()));
    expect(formatted).toMatchObject({
      message: 'The deadline has passed',
      extensions: { code: 'CONFLICT', deadline: '2026-01-01' },
    });
  });

  it('turns a mongoose validation error into BAD_USER_INPUT naming the fields', () => {
    const m = new mongoose.Mongoose();
    const Office = m.model(
      'Office',
      new m.Schema({ name: { type: String, required: true }, rank: { type: Number, min: 1 } }),
    );
    const validationError = new Office({ rank: 0 }).validateSync();
    expect(validationError).toBeInstanceOf(mongoose.Error.ValidationError);

    const { format } = formatterWithLog();
    const formatted = format(...thrownInResolver(validationError!));
    expect(formatted.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(formatted.extensions?.['fields']).toEqual(expect.arrayContaining(['name', 'rank']));
    expect(formatted.message).toMatch(/name/);
  });

  it('turns a duplicate-key error into CONFLICT naming the key', () => {
    const duplicate = new mongoose.mongo.MongoServerError({
      message: 'E11000 duplicate key error collection: heli.offices index: code_1',
      code: 11000,
      keyValue: { code: 'HRB' },
    });
    const { format } = formatterWithLog();
    const formatted = format(...thrownInResolver(duplicate));
    expect(formatted).toMatchObject({
      message: 'A record with the same code already exists',
      extensions: { code: 'CONFLICT', fields: ['code'] },
    });
    expect(formatted.message).not.toContain('E11000');
  });

  it('masks anything else with the request id, and logs the original with its stack', () => {
    const { format, lines } = formatterWithLog();
    const secret = new Error('connection to mongodb://admin:hunter2@db failed');
    const formatted = runWithRequestContext({ requestId: 'req-42' }, () =>
      format(...thrownInResolver(secret)),
    );
    expect(formatted).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      path: ['office'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', requestId: 'req-42' });
    const err = lines[0]?.['err'] as { message: string; stack: string };
    expect(err.message).toContain('hunter2');
    expect(err.stack).toContain('format-error.test.ts');
  });

  it('masks a GraphQLError that carries no public code', () => {
    const { format } = formatterWithLog();
    const formatted = format(
      ...thrownInResolver(
        new GraphQLError('Cannot return null for non-nullable field Office.name.'),
      ),
    );
    expect(formatted.message).toBe(INTERNAL_ERROR_MESSAGE);
  });

  it("passes Apollo's request errors (validation, parsing) through", () => {
    const { format } = formatterWithLog();
    const validation = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = format(
      { message: validation.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      validation,
    );
    expect(formatted.message).toBe(validation.message);
  });
});
