import type { IncomingMessage } from 'node:http';

/** The request body is larger than the server accepts. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';

  constructor(readonly limitBytes: number) {
    super(`request body exceeds the limit of ${limitBytes} bytes`);
  }
}

/**
 * Reads the whole request body, refusing it as soon as it grows past `limitBytes` — from the
 * declared content-length when there is one, otherwise while streaming — so an oversized upload
 * never sits in memory.
 */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw new BodyTooLargeError(limitBytes);

  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limitBytes) throw new BodyTooLargeError(limitBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, received);
}

/** Whether the request announces a body at all (GET and HEAD usually do not). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
