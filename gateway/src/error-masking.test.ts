import type { GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MASKED_MESSAGE, createErrorMasker } from './error-masking.js';

function masker() {
  const logged: unknown[] = [];
  const format = createErrorMasker({
    requestId: () => 'req-42',
    logInternal: (error) => logged.push(error),
  });
  return { format, logged };
}

describe('error masking', () => {
  it('given an internal subgraph error, when formatted, then the client sees only a masked message with the request id', () => {
    const { format, logged } = masker();
    const original = new Error('connect ECONNREFUSED 10.0.0.7:27017');
    const formatted: GraphQLFormattedError = {
      message: 'connect ECONNREFUSED 10.0.0.7:27017',
      path: ['divisions'],
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        serviceName: 'responsibility',
        stacktrace: ['Error: at db.ts:1'],
      },
    };
    expect(format(formatted, original)).toEqual({
      message: MASKED_MESSAGE,
      path: ['divisions'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
    });
    expect(logged).toEqual([original]);
  });

  it('given an error without a code, when formatted, then it is masked', () => {
    const { format } = masker();
    expect(format({ message: 'TypeError: x is undefined' }, new TypeError('x')).message).toBe(
      MASKED_MESSAGE,
    );
  });

  it.each(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'UNAUTHENTICATED'])(
    'given a subgraph error with code %s, when formatted, then it passes through without internal extensions',
    (code) => {
      const { format, logged } = masker();
      const formatted: GraphQLFormattedError = {
        message: 'Division d-9 does not exist',
        path: ['division'],
        extensions: {
          code,
          serviceName: 'responsibility',
          stacktrace: ['at resolver.ts:3'],
          details: { id: 'd-9' },
        },
      };
      expect(format(formatted, undefined)).toEqual({
        message: 'Division d-9 does not exist',
        path: ['division'],
        extensions: { code, details: { id: 'd-9' } },
      });
      expect(logged).toEqual([]);
    },
  );

  it('given a gateway validation error, when formatted, then it passes through', () => {
    const { format } = masker();
    const formatted = {
      message: 'Cannot query field "x" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(format(formatted, undefined)).toEqual(formatted);
  });

  it('given a query limit error, when formatted, then its message and figures pass through', () => {
    const { format } = masker();
    const formatted = {
      message: 'Query is too deep',
      extensions: { code: 'QUERY_TOO_DEEP', depth: 14, maxDepth: 12 },
    };
    expect(format(formatted, undefined)).toEqual(formatted);
  });

  it('given a validation failure reported by a subgraph, when formatted, then it is masked as the gateway’s fault', () => {
    const { format } = masker();
    const formatted = {
      message: 'Cannot query field "legacy" on type "Division".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', serviceName: 'responsibility' },
    };
    expect(format(formatted, undefined).message).toBe(MASKED_MESSAGE);
  });
});
