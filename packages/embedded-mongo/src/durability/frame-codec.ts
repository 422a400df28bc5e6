import { crc32 } from 'node:zlib';

/*
 * One frame on disk:
 *   u32 LE payload length | u32 LE CRC32 | u64 LE sequence number | payload
 * The CRC covers the length, the sequence number and the payload, so a frame whose length
 * field was damaged cannot pass as valid.
 */
export const FRAME_HEADER_BYTES = 16;

export type DecodedFrame = { seq: bigint; payload: Buffer; start: number; end: number };

export type FrameReadResult =
  | { kind: 'frame'; frame: DecodedFrame }
  /** Fewer bytes remain than the header or the declared length needs. */
  | { kind: 'incomplete' }
  /** All bytes are there but the checksum does not match. */
  | { kind: 'checksum-mismatch' };

export function encodeFrame(seq: bigint, payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.byteLength);
  frame.writeUInt32LE(payload.byteLength, 0);
  frame.writeBigUInt64LE(seq, 8);
  frame.set(payload, FRAME_HEADER_BYTES);
  frame.writeUInt32LE(frameChecksum(frame, 0, frame.byteLength), 4);
  return frame;
}

export function readFrameAt(buffer: Buffer, offset: number): FrameReadResult {
  if (buffer.byteLength - offset < FRAME_HEADER_BYTES) return { kind: 'incomplete' };
  const length = buffer.readUInt32LE(offset);
  const end = offset + FRAME_HEADER_BYTES + length;
  if (end > buffer.byteLength) return { kind: 'incomplete' };
  if (buffer.readUInt32LE(offset + 4) !== frameChecksum(buffer, offset, end))
    return { kind: 'checksum-mismatch' };
  return {
    kind: 'frame',
    frame: {
      seq: buffer.readBigUInt64LE(offset + 8),
      payload: buffer.subarray(offset + FRAME_HEADER_BYTES, end),
      start: offset,
      end,
    },
  };
}

function frameChecksum(buffer: Buffer, start: number, end: number): number {
  const overLength = crc32(buffer.subarray(start, start + 4));
  return crc32(buffer.subarray(start + 8, end), overLength);
}
