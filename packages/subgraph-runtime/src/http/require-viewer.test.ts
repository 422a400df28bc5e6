import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError, type HeliClaims, type TokenVerifier } from '@heli/auth';
import { createHttpServer, sendJson } from '@heli/service-kit';
import { capturedLogger } from '@heli/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { requireViewer } from './require-viewer.js';

const VIEWER: HeliClaims = {
  sub: 'staff-1',
  name: '李明',
  divisionId: 'div-1',
  officeId: 'office-1',
  roles: ['STAFF'],
  clearance: 'INTERNAL',
};

describe('requireViewer', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  async function serve(verify: TokenVerifier): Promise<string> {
    const { logger } = capturedLogger('test');
    server = createHttpServer({
      logger,
      bodyLimitBytes: 1024,
      routes: {
        '/graphql': requireViewer(
          verify,
          logger,
          (viewer) => (_req, res) => sendJson(res, 200, { viewer: viewer.sub }),
        ),
      },
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  it('given a valid token, hands the verified viewer to the route', async () => {
    const url = await serve(async (token) => {
      expect(token).toBe('good');
      return VIEWER;
    });
    const response = await fetch(url, { headers: { authorization: 'Bearer good' } });
    expect(await response.json()).toEqual({ viewer: 'staff-1' });
  });

  it('given no Authorization header, answers 401 without calling the route', async () => {
    const url = await serve(async () => VIEWER);
    const response = await fetch(url);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Authentication required/),
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
  });

  it('given an expired token, says so in the 401 message', async () => {
    const url = await serve(async () => {
      throw new AuthError('EXPIRED', 'The token has expired; sign in again');
    });
    const response = await fetch(url, { headers: { authorization: 'Bearer old' } });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toBe(
      'Authentication required: The token has expired; sign in again',
    );
  });

  it('when the signing keys cannot be fetched, answers 503: the fault is ours, not the caller’s', async () => {
    const url = await serve(async () => {
      throw new AuthError('KEYS_UNAVAILABLE', 'The signing keys could not be fetched');
    });
    const response = await fetch(url, { headers: { authorization: 'Bearer any' } });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
  });
});
