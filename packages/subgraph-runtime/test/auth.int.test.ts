import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, tokenFor } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '../src/test-subgraph.js';
import { librarySubgraph } from './fixtures/library/library-subgraph.js';

describe('a subgraph reached directly', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(librarySubgraph().definition);
  });
  afterAll(() => subgraph?.close());

  const expectRefusal = (response: Awaited<ReturnType<typeof graphql>>) => {
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Authentication required/),
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
  };

  it('answers 401 without a token, revealing no data', async () => {
    expectRefusal(await graphql(subgraph.url, '{ books { totalCount } }'));
  });

  it('answers 401 to introspection without a token, so the schema stays hidden', async () => {
    const response = await graphql(
      subgraph.url,
      '{ __schema { types { name } } _service { sdl } }',
    );
    expectRefusal(response);
    expect(JSON.stringify(response.body)).not.toContain('Book');
  });

  it('answers 401 to a token signed with another secret', async () => {
    const forged = await new SignJWT({
      name: 'x',
      divisionId: null,
      officeId: 'o',
      roles: ['ADMIN'],
      clearance: 'TOP_SECRET',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setIssuer('heli')
      .setAudience('heli')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('some-other-secret-of-at-least-32-characters'));
    expectRefusal(await graphql(subgraph.url, '{ books { totalCount } }', {}, { token: forged }));
  });

  it('answers 401 to something that is not a JWT', async () => {
    expectRefusal(
      await graphql(subgraph.url, '{ books { totalCount } }', {}, { token: 'abc.def' }),
    );
  });

  it('serves a request with a valid token', async () => {
    const response = await graphql(
      subgraph.url,
      '{ books { totalCount } }',
      {},
      { token: await tokenFor({}) },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { books: { totalCount: 0 } } });
  });

  it('keeps /health and /ready open, and /ready reports MongoDB, NATS and start-up', async () => {
    const health = await fetch(new URL('/health', subgraph.url));
    expect(health.status).toBe(200);
    const ready = await fetch(new URL('/ready', subgraph.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: [
        { name: 'mongodb', status: 'ok' },
        { name: 'nats', status: 'ok' },
        { name: 'startup', status: 'ok' },
      ],
    });
  });
});

describe('a subgraph that checks callers against its own records', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({
      ...librarySubgraph().definition,
      // As a service's directory would: one person has left, everyone else is renamed here so the
      // test sees which claims the request ran with.
      currentViewer: async (viewer) =>
        viewer.sub === 'staff-left' ? null : { ...viewer, name: `${viewer.name}（在册）` },
    });
  });
  afterAll(() => subgraph?.close());

  it('refuses a valid token of a person no longer active with 401', async () => {
    const response = await graphql(
      subgraph.url,
      '{ requestInfo { viewerId } }',
      {},
      { token: await tokenFor({ sub: 'staff-left' }) },
    );
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      errors: [
        {
          message: expect.stringContaining('no longer active'),
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
  });

  it('runs the request with the claims the records give', async () => {
    const response = await graphql(
      subgraph.url,
      '{ requestInfo { viewerId viewerName } }',
      {},
      { token: await tokenFor({ sub: 'staff-present', name: '李明' }) },
    );
    expect(response.body).toEqual({
      data: { requestInfo: { viewerId: 'staff-present', viewerName: '李明（在册）' } },
    });
  });
});
