import { HEADER_SIZE } from './message-header.js';

export class FramingError extends Error {
  override readonly name = 'FramingError';
}

/**
 * Cuts a TCP byte stream into whole wire messages using the length prefix. A length outside
 * [HEADER_SIZE, maxMessageSize] means the stream can no longer be trusted, so it throws and the
 * connection is closed (what mongod does too).
 */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxMessageSize: number) {}

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    while (this.buffered >= 4) {
      const head = this.peekLength();
      if (head < HEADER_SIZE || head > this.maxMessageSize) {
        throw new FramingError(`invalid message length ${head}`);
      }
      if (this.buffered < head) break;
      messages.push(this.take(head));
    }
    return messages;
  }

  private peekLength(): number {
    const first = this.chunks[0]!;
    if (first.length >= 4) return first.readInt32LE(0);
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined.readInt32LE(0);
  }

  private take(length: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const message = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return message;
  }
}
