import { HEADER_SIZE } from './message-header.js';

export class FramingError extends Error {
  override readonly name = 'FramingError';
}

/**
 * Cuts a TCP byte stream into whole wire messages using the length prefix. A length outside
 * [HEADER_SIZE, maxMessageSize] means the stream can no longer be trusted: the connection is
 * closed (what mongod does too) once the messages before it have been answered.
 */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private broken: FramingError | undefined;

  constructor(private readonly maxMessageSize: number) {}

  /**
   * The whole messages the stream now holds. Messages framed before a broken length are still
   * returned (and answered) with `error` set; the caller closes the connection after them.
   */
  push(chunk: Buffer): { messages: Buffer[]; error?: FramingError } {
    if (this.broken) return { messages: [], error: this.broken };
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    while (this.buffered >= 4) {
      const head = this.peekLength();
      if (head < HEADER_SIZE || head > this.maxMessageSize) {
        this.broken = new FramingError(`invalid message length ${head}`);
        this.chunks = [];
        this.buffered = 0;
        return { messages, error: this.broken };
      }
      if (this.buffered < head) break;
      messages.push(this.take(head));
    }
    return { messages };
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
