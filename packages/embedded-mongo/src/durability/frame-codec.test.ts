import { describe, expect, it } from 'vitest';
import { FRAME_HEADER_BYTES, encodeFrame, readFrameAt } from './frame-codec.js';

const payload = Buffer.from('a journal payload');

describe('frame codec', () => {
  it('given an encoded frame, when read back, then sequence, payload and end offset round-trip', () => {
    const bytes = Buffer.concat([encodeFrame(7n, payload), encodeFrame(8n, Buffer.from('next'))]);

    const first = readFrameAt(bytes, 0);
    expect(first.kind).toBe('frame');
    if (first.kind !== 'frame') return;
    expect(first.frame.seq).toBe(7n);
    expect(first.frame.payload.equals(payload)).toBe(true);
    expect(first.frame.end).toBe(FRAME_HEADER_BYTES + payload.byteLength);

    const second = readFrameAt(bytes, first.frame.end);
    expect(second.kind === 'frame' && second.frame.seq).toBe(8n);
  });

  it('given a frame with one payload bit flipped, when read, then its checksum does not match', () => {
    const bytes = encodeFrame(1n, payload);
    bytes[FRAME_HEADER_BYTES + 3]! ^= 0x01;
    expect(readFrameAt(bytes, 0).kind).toBe('checksum-mismatch');
  });

  it('given a frame whose sequence number was altered, when read, then its checksum does not match', () => {
    const bytes = encodeFrame(1n, payload);
    bytes.writeBigUInt64LE(2n, 8);
    expect(readFrameAt(bytes, 0).kind).toBe('checksum-mismatch');
  });

  it('given a frame whose length field shrank, when read, then its checksum does not match', () => {
    const bytes = encodeFrame(1n, payload);
    bytes.writeUInt32LE(payload.byteLength - 1, 0);
    expect(readFrameAt(bytes, 0).kind).toBe('checksum-mismatch');
  });

  it.each([
    ['half a header', FRAME_HEADER_BYTES / 2],
    ['a header without its whole payload', FRAME_HEADER_BYTES + 2],
  ])('given only %s, when read, then the frame is incomplete', (_what, keep) => {
    const bytes = encodeFrame(1n, payload).subarray(0, keep);
    expect(readFrameAt(bytes, 0).kind).toBe('incomplete');
  });

  it('given a zero-filled region, when read, then it is not taken for a frame', () => {
    expect(readFrameAt(Buffer.alloc(64), 0).kind).toBe('checksum-mismatch');
  });
});
