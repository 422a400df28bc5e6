import { connect } from 'node:net';

/** Polls `probe` until it returns true or the time is up; the error names what never came up. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}

export const httpOk = (url: string) => async () => (await fetch(url)).ok;

/** True once `query` with `token` returns data at `field` (not null, no error there). */
export const answersQuery =
  (url: string, token: string, query: string, field: string) => async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as { data?: Record<string, unknown> | null };
    return body.data?.[field] != null;
  };

export const tcpOpen = (host: string, port: number) => () =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
