import { REQUEST_ID_HEADER } from '@heli/service-kit';
import { bufferedResponse, type Fetcher } from './subgraph-fetcher.js';
import { SubgraphResponseHeaders } from './subgraph-response-headers.js';

interface SharedAnswer {
  status: number;
  statusText: string;
  headers: SubgraphResponseHeaders;
  body: string;
}

/** Headers that differ per incoming request without changing what a subgraph answers. */
const PER_REQUEST_HEADERS = new Set([REQUEST_ID_HEADER]);

/**
 * Subgraph fetches that are identical — same URL, same headers (the caller's `authorization`
 * among them), same body — and in flight at the same time are sent once, and every caller gets
 * the answer. Under load many clients ask the same question at once (a dashboard's list, a
 * leaderboard), and the subgraph then does the work once instead of once per client.
 *
 * Safe by construction:
 * - only queries: a body whose operation is not plainly a query, or that mentions `mutation` or
 *   `subscription` anywhere, is always sent as it is;
 * - keyed by every forwarded header but the request id, so two callers with different tokens —
 *   different people, or one person's claims before and after a change — never share an answer;
 * - each caller gets its own Response over the shared body text, which Apollo parses separately,
 *   so no caller can see another's objects change under it.
 * A follower's request id does not reach the subgraph (the leader's does); the gateway logs both.
 */
export function withInFlightDeduplication(fetcher: Fetcher): {
  fetcher: Fetcher;
  /** Fetches in flight now (for tests and metrics). */
  inFlight(): number;
} {
  const inFlight = new Map<string, Promise<SharedAnswer>>();

  const deduplicated: Fetcher = async (url, init = {}) => {
    const key = deduplicationKey(url, init);
    if (key === undefined) return fetcher(url, init);
    let answer = inFlight.get(key);
    if (answer === undefined) {
      answer = (async () => {
        const response = await fetcher(url, init);
        return {
          status: response.status,
          statusText: response.statusText,
          headers: new SubgraphResponseHeaders(response.headers),
          body: await response.text(),
        };
      })();
      inFlight.set(key, answer);
      const forget = () => inFlight.delete(key);
      answer.then(forget, forget);
    }
    const shared = await answer;
    return bufferedResponse(url, {
      ...shared,
      headers: new SubgraphResponseHeaders(shared.headers),
    });
  };
  return { fetcher: deduplicated, inFlight: () => inFlight.size };
}

/** The key under which identical query fetches meet; undefined for anything not to be shared. */
export function deduplicationKey(
  url: string,
  init: Parameters<Fetcher>[1] = {},
): string | undefined {
  if ((init.method ?? 'GET').toUpperCase() !== 'POST' || typeof init.body !== 'string') {
    return undefined;
  }
  if (!isPlainQuery(init.body)) return undefined;
  const headers: string[] = [];
  // Apollo hands the fetcher a plain record of header names and values.
  for (const name in init.headers) {
    const lower = name.toLowerCase();
    if (!PER_REQUEST_HEADERS.has(lower)) headers.push(`${lower}:${String(init.headers[name])}`);
  }
  // Neither a header line nor a URL holds a newline, so no two different requests meet here.
  return `${url}\n${headers.sort().join('\n')}\n\n${init.body}`;
}

/**
 * A body that opens `{"query":"query` or `{"query":"{"` is one query operation: the data source
 * writes the operation first (auth-forwarding.ts), and Apollo's planned fetches are one operation.
 * Read from the JSON text rather than parsed: parsing every fetch's body (representations and
 * all) only to find its first word cost more than the rest of the key.
 */
const QUERY_BODY = /^\{"query":"(?:query\b|\{)/;

/** Whether a request body is one query operation that may be shared. */
function isPlainQuery(body: string): boolean {
  // Conservative: a mention of another operation type anywhere in the body (even in a field or
  // argument name, or a variable's value) means the fetch is not shared; a missed sharing costs
  // time, a wrong one would not be.
  return QUERY_BODY.test(body) && !/\b(mutation|subscription)\b/.test(body);
}
