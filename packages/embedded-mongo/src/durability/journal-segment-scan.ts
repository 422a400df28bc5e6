import { JournalCorruptionError } from './errors.js';
import { FRAME_HEADER_BYTES, readFrameAt } from './frame-codec.js';
import { decodeJournalRecord, type JournalRecord } from './journal-record.js';

export type SequencedRecord = { seq: bigint; record: JournalRecord };

export type DamagedTail = {
  offset: number;
  bytes: number;
  /** `preallocated space`: only zero bytes, the room a segment keeps ahead of its records. */
  reason: 'incomplete record' | 'checksum mismatch' | 'preallocated space';
};

export type SegmentScan = {
  records: SequencedRecord[];
  /** The sequence number the next record appended to this segment gets. */
  nextSeq: bigint;
  /** Bytes at the end that do not form a valid record, or null when the segment ends cleanly. */
  damagedTail: DamagedTail | null;
};

// A valid-looking frame further on is only believed if its sequence number is plausibly one
// that followed the damage; random bytes almost never pass this before the CRC is even computed.
const PLAUSIBLE_SEQUENCE_SPAN = 1n << 32n;

/**
 * Reads every record of one segment. Damage at the end is reported as a tail for the caller
 * to truncate (a write torn by a crash); damage followed by a valid record is corruption and
 * throws, because truncating there would drop acknowledged writes.
 */
export function scanSegment(buffer: Buffer, firstSeq: bigint, fileName: string): SegmentScan {
  const records: SequencedRecord[] = [];
  let expectedSeq = firstSeq;
  let offset = 0;
  while (offset < buffer.byteLength) {
    const result = readFrameAt(buffer, offset);
    if (result.kind !== 'frame') {
      if (onlyZeros(buffer, offset)) {
        const bytes = buffer.byteLength - offset;
        return {
          records,
          nextSeq: expectedSeq,
          damagedTail: { offset, bytes, reason: 'preallocated space' },
        };
      }
      const reason = result.kind === 'incomplete' ? 'incomplete record' : 'checksum mismatch';
      const validFrameAt = findValidFrameAfter(buffer, offset + 1, expectedSeq);
      if (validFrameAt !== null) {
        throw new JournalCorruptionError(
          `journal ${fileName} is corrupt: the record at byte ${offset} (sequence ${expectedSeq}) fails its check ` +
            `(${reason}) but a valid record follows at byte ${validFrameAt}. Refusing to start, since dropping the ` +
            `records after the damage would lose acknowledged writes; restore the data directory from a backup.`,
        );
      }
      return {
        records,
        nextSeq: expectedSeq,
        damagedTail: { offset, bytes: buffer.byteLength - offset, reason },
      };
    }
    const { frame } = result;
    if (frame.seq !== expectedSeq) {
      throw new JournalCorruptionError(
        `journal ${fileName} is corrupt: the record at byte ${offset} has sequence ${frame.seq}, expected ${expectedSeq}.`,
      );
    }
    records.push({ seq: frame.seq, record: decodeRecord(frame.payload, fileName, offset) });
    expectedSeq += 1n;
    offset = frame.end;
  }
  return { records, nextSeq: expectedSeq, damagedTail: null };
}

function onlyZeros(buffer: Buffer, from: number): boolean {
  for (let i = from; i < buffer.byteLength; i++) if (buffer[i] !== 0) return false;
  return true;
}

function findValidFrameAfter(buffer: Buffer, from: number, expectedSeq: bigint): number | null {
  for (let offset = from; offset + FRAME_HEADER_BYTES <= buffer.byteLength; offset++) {
    const seq = buffer.readBigUInt64LE(offset + 8);
    if (seq < expectedSeq || seq >= expectedSeq + PLAUSIBLE_SEQUENCE_SPAN) continue;
    if (readFrameAt(buffer, offset).kind === 'frame') return offset;
  }
  return null;
}

function decodeRecord(payload: Buffer, fileName: string, offset: number): JournalRecord {
  try {
    return decodeJournalRecord(payload);
  } catch (cause) {
    throw new JournalCorruptionError(
      `journal ${fileName} is corrupt: the record at byte ${offset} passes its checksum but is not a journal record`,
      { cause },
    );
  }
}
