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
 * never sits in memory. Plain 'data'/'end' listeners rather than `for await`: a stream's async
 * iterator costs a promise per chunk and end-of-stream bookkeeping, on every request.
 */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    return Promise.reject(new BodyTooLargeError(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (error?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', settle);
      req.off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, received));
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        settle(new BodyTooLargeError(limitBytes));
        // The rest is discarded as it arrives, not kept; the answer closes the connection.
        req.resume();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle();
    const onClose = () => settle(new Error('the request closed before its body was complete'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', settle);
    req.on('close', onClose);
  });
}

/** Whether the request announces a body at all (GET and HEAD usually do not). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
