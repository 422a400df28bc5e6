import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson } from '@heli/service-kit';
import { createSubgraphServer } from '../src/index.js';
import { testEnv } from '../src/test-env.js';
import { startTestSubgraph, type TestSubgraph } from '../src/test-subgraph.js';
import { librarySubgraph, type LibraryModels } from './fixtures/library/library-subgraph.js';

/**
 * A subgraph's own HTTP endpoints (`routes`) serve callers without a token — another office's
 * signed messages — so neither the token check nor gateway-only mode stands in front of them.
 */
describe('extra routes of a subgraph', () => {
  let subgraph: TestSubgraph<LibraryModels>;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(
      {
        ...librarySubgraph().definition,
        routes: (runtime) => ({
          '/books/count': async (_req, res, { body }) =>
            sendJson(res, 200, {
              books: await runtime.models.Book.countDocuments(),
              got: body.toString(),
            }),
        }),
      },
      { GATEWAY_SIGNING_SECRET: 'gateway-signing-secret-for-this-test-only' },
    );
  });
  afterAll(() => subgraph?.close());

  it('answers its route with the runtime at hand, without a token or a gateway signature', async () => {
    const response = await fetch(subgraph.url.replace('/graphql', '/books/count'), {
      method: 'POST',
      body: 'hello',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ books: 0, got: 'hello' });
  });

  it('still guards /graphql with gateway-only mode', async () => {
    const response = await fetch(subgraph.url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(403);
  });

  it('refuses a definition that would replace /graphql', async () => {
    await expect(
      createSubgraphServer(
        { ...librarySubgraph().definition, routes: () => ({ '/graphql': () => {} }) },
        testEnv({ MONGODB_URI: subgraph.runtime.runtime.env.MONGODB_URI }),
      ),
    ).rejects.toThrow('may not replace the /graphql route');
  });
});
