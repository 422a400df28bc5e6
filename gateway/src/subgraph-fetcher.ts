import { STATUS_CODES } from 'node:http';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, type Dispatcher } from 'undici';
import { GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@heli/auth';
import { SubgraphResponseHeaders } from './subgraph-response-headers.js';

/** Apollo's fetch-like interface for subgraph requests (from @apollo/utils.fetcher, which Heli does not depend on directly). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

export interface SubgraphFetcher {
  fetcher: Fetcher;
  /** Closes the pooled connections; in-flight requests finish first. */
  close(): Promise<void>;
}

/**
 * Subgraph requests dispatched on undici's keep-alive connection pool, behind the
 * fetch-like interface Apollo's RemoteGraphQLDataSource calls.
 *
 * Why not Node's global `fetch`: it builds the whole WHATWG machinery per call — a Request, a
 * ReadableStream for the body, a clone of the request (with a tee of that stream) for its redirect
 * handling, an AbortSignal, a ReadableStream for the response — which profiled at over a third of a
 * gateway worker's CPU for a query that fetches from two subgraphs. A subgraph answers with one
 * small JSON document, so the body is read whole and handed over as a string.
 *
 * Redirects are not followed (a subgraph has no business redirecting the gateway); a 3xx answer is
 * an error like any other non-2xx status.
 */
export function createSubgraphFetcher({
  timeoutMs,
  signingSecret,
}: {
  timeoutMs?: number;
  /** Signs every request so subgraphs in gateway-only mode admit it (see @heli/auth). */
  signingSecret?: string;
} = {}): SubgraphFetcher {
  // A subgraph that has not started answering, or stalls mid-answer, within the request's time
  // budget is given up on (undici's own timers: no AbortSignal per request). Without a budget,
  // undici's defaults, as for Node's global fetch.
  const agent = new Agent(
    timeoutMs === undefined ? {} : { headersTimeout: timeoutMs, bodyTimeout: timeoutMs },
  );
  // A gateway calls a handful of subgraph URLs over and over: each is parsed once.
  const targets = new Map<string, { origin: string; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (target === undefined) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      targets.set(url, target);
    }
    return target;
  };
  const fetcher: Fetcher = (url, init = {}) =>
    new Promise((resolve, reject) => {
      const target = targetOf(url);
      const signal = init.signal as AbortSignal | undefined;
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      let status = 0;
      let statusText = '';
      let headers = new SubgraphResponseHeaders();
      const chunks: Buffer[] = [];
      let stopListening: (() => void) | undefined;
      // undici's dispatch with a handler of our own: the answer's chunks are collected as they
      // come, without the Readable stream (and its body-mixin machinery) `request` builds for each
      // response only for it to be read whole at once.
      agent.dispatch(
        {
          origin: target.origin,
          path: target.path,
          method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
          headers:
            signingSecret === undefined
              ? (init.headers ?? {})
              : {
                  ...init.headers,
                  [GATEWAY_SIGNATURE_HEADER]: signGatewayRequest(signingSecret, init.body ?? ''),
                },
          body: init.body ?? null,
        },
        {
          onRequestStart(controller) {
            if (!signal) return;
            const abort = () => controller.abort(signal.reason as Error);
            signal.addEventListener('abort', abort, { once: true });
            stopListening = () => signal.removeEventListener('abort', abort);
          },
          onResponseStart(_controller, statusCode, rawHeaders, statusMessage) {
            status = statusCode;
            statusText = statusMessage || (STATUS_CODES[statusCode] ?? '');
            headers = SubgraphResponseHeaders.fromRecord(rawHeaders);
          },
          onResponseData(_controller, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            stopListening?.();
            resolve(
              bufferedResponse(url, {
                status,
                statusText,
                headers,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          },
          onResponseError(_controller, error) {
            stopListening?.();
            reject(error);
          },
        },
      );
    });
  return { fetcher, close: () => agent.close() };
}

/** A fetch Response over a body already read in full; like fetch's, the body can be consumed once. */
export function bufferedResponse(
  url: string,
  read: { status: number; statusText: string; headers: FetcherHeaders; body: string },
): FetcherResponse {
  const { status, statusText, headers, body } = read;
  let bodyUsed = false;
  const consume = (): string => {
    if (bodyUsed) throw new TypeError(`the body of the response from ${url} was already read`);
    bodyUsed = true;
    return body;
  };
  return {
    get bodyUsed() {
      return bodyUsed;
    },
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText,
    headers,
    text: async () => consume(),
    json: async () => JSON.parse(consume()) as unknown,
    arrayBuffer: async () => {
      const bytes = Buffer.from(consume(), 'utf8');
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
    clone: () => {
      if (bodyUsed)
        throw new TypeError(`the response from ${url} cannot be cloned: its body was read`);
      return bufferedResponse(url, { ...read, headers: new SubgraphResponseHeaders(headers) });
    },
  };
}
