import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@heli/auth';
import { tokenFor } from '@heli/testkit';
import { startTestSubgraph, type TestSubgraph } from '../src/test-subgraph.js';
import { librarySubgraph, type LibraryModels } from './fixtures/library/library-subgraph.js';

const SECRET = 'gateway-signing-secret-for-this-test-only';

/** With GATEWAY_SIGNING_SECRET set, a subgraph admits only what the gateway signed. */
describe('a subgraph in gateway-only mode', () => {
  let subgraph: TestSubgraph<LibraryModels>;
  let token: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(librarySubgraph().definition, {
      GATEWAY_SIGNING_SECRET: SECRET,
    });
    token = await tokenFor({});
  });
  afterAll(() => subgraph?.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });
  const body = JSON.stringify({ query: '{ requestInfo { viewerId } }' });

  it('refuses a direct call with a valid token but no signature: 403, before anything runs', async () => {
    const response = await post(body);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: '此服务只接受经网关转发的请求 (gateway-only)',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  });

  it('refuses a signature made with another secret or for another body', async () => {
    const forged = await post(body, {
      [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest('x'.repeat(40), body),
    });
    const replayed = await post(JSON.stringify({ query: '{ __schema { types { name } } }' }), {
      [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(SECRET, body),
    });
    expect(forged.status).toBe(403);
    expect(replayed.status).toBe(403);
  });

  it('answers a request the gateway signed', async () => {
    const response = await post(body, {
      [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(SECRET, body),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { requestInfo: { viewerId: 'test-staff' } } });
  });

  it('keeps /health and /ready open to the orchestrator', async () => {
    const ready = await fetch(subgraph.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
  });
});
