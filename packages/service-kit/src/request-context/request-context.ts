import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header that carries a request id from the gateway into every subgraph. */
export const REQUEST_ID_HEADER = 'x-request-id';

export interface RequestContext {
  requestId: string;
}

/**
 * Holds the request id for everything that runs on behalf of one request, so logs and emitted
 * events can name it without threading it through every call.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return requestContext.run(context, fn);
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

export function newRequestId(): string {
  return randomUUID();
}

// Incoming ids end up in logs and headers, so only accept a conservative shape.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's request id if it is a sensible one, otherwise a fresh id. */
export function requestIdFrom(headerValue: string | string[] | undefined): string {
  const candidate = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  return candidate !== undefined && ACCEPTABLE_REQUEST_ID.test(candidate)
    ? candidate
    : newRequestId();
}
