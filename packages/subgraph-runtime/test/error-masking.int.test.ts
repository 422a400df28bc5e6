import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedLogger, graphql, tokenFor } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '../src/test-subgraph.js';
import { librarySubgraph } from './fixtures/library/library-subgraph.js';

const ADD_BOOK = /* GraphQL */ `
  mutation ($input: AddBookInput!) {
    addBook(input: $input) {
      id
      title
      year
    }
  }
`;

describe('errors leaving a subgraph', () => {
  const { logger, lines } = capturedLogger('library');
  let subgraph: TestSubgraph;
  let token: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(librarySubgraph().definition, {}, { logger });
    token = await tokenFor({});
  });
  afterAll(() => subgraph?.close());

  it('masks an unexpected error, giving the client only the request id to quote', async () => {
    const response = await graphql(
      subgraph.url,
      '{ broken }',
      {},
      {
        token,
        headers: { 'x-request-id': 'req-masked-1' },
      },
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { broken: null },
      errors: [
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['broken'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-masked-1' },
        },
      ],
    });
    expect(JSON.stringify(response.body)).not.toContain('hunter2');

    const logged = lines.find(
      (line) => line['requestId'] === 'req-masked-1' && line['level'] === 'error',
    );
    const err = logged?.['err'] as { message: string; stack: string } | undefined;
    expect(err?.message).toContain('hunter2');
    expect(err?.stack).toContain('library-subgraph.ts');
  });

  it('passes BAD_USER_INPUT from a resolver through as it was written', async () => {
    const response = await graphql(
      subgraph.url,
      ADD_BOOK,
      { input: { title: '  ', year: 2001 } },
      { token },
    );
    expect(response.body.errors).toEqual([
      {
        message: 'The title must not be blank',
        locations: [{ line: expect.any(Number), column: expect.any(Number) }],
        path: ['addBook'],
        extensions: { code: 'BAD_USER_INPUT', fields: ['title'] },
      },
    ]);
  });

  it('reports a mongoose validation failure as BAD_USER_INPUT naming the field', async () => {
    const response = await graphql(
      subgraph.url,
      ADD_BOOK,
      { input: { title: 'Incunable', year: 1200 } },
      { token },
    );
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('year must be 1450 or later'),
      extensions: { code: 'BAD_USER_INPUT', fields: ['year'] },
    });
  });

  it('reports a unique-index clash as CONFLICT', async () => {
    const input = { title: '资治通鉴', year: 1700 };
    const first = await graphql(subgraph.url, ADD_BOOK, { input }, { token });
    expect(first.body.errors).toBeUndefined();
    const second = await graphql(subgraph.url, ADD_BOOK, { input }, { token });
    expect(second.body.errors?.[0]).toMatchObject({
      message: 'A record with the same title already exists',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('reports a variable of the wrong type as BAD_USER_INPUT, not as an internal error', async () => {
    const response = await graphql(
      subgraph.url,
      ADD_BOOK,
      { input: { title: '楚辞', year: '一千' } },
      { token },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining(
        'Variable "$input" got invalid value "一千" at "input.year"',
      ),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('passes a query validation error through', async () => {
    const response = await graphql(subgraph.url, '{ nope }', {}, { token });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "nope" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
