import { describe, expect, it } from 'vitest';
import { JournalCorruptionError } from './errors.js';
import { FRAME_HEADER_BYTES, encodeFrame } from './frame-codec.js';
import { encodeJournalRecord, type JournalRecord } from './journal-record.js';
import { scanSegment } from './journal-segment-scan.js';

const record = (n: number): JournalRecord => ({
  ops: [{ op: 'put', db: 'd', coll: 'c', doc: { _id: n } }],
});
const frame = (seq: bigint) => encodeFrame(seq, encodeJournalRecord(record(Number(seq))));
const segmentOf = (...seqs: bigint[]) => Buffer.concat(seqs.map(frame));

describe('scanning a journal segment', () => {
  it('given consecutive valid records, when scanned, then all are returned in order with no damage', () => {
    const scan = scanSegment(segmentOf(5n, 6n, 7n), 5n, 'journal-5.wal');
    expect(scan.records.map((entry) => entry.seq)).toEqual([5n, 6n, 7n]);
    expect(scan.records[2]?.record).toEqual(record(7));
    expect(scan.nextSeq).toBe(8n);
    expect(scan.damagedTail).toBeNull();
  });

  it('given an empty segment, when scanned, then the next sequence is its first', () => {
    expect(scanSegment(Buffer.alloc(0), 9n, 'journal-9.wal')).toEqual({
      records: [],
      nextSeq: 9n,
      damagedTail: null,
    });
  });

  it('given a last record cut short by a crash, when scanned, then the records before it are kept and the tail is reported at its offset', () => {
    const intact = segmentOf(1n, 2n);
    const torn = frame(3n).subarray(0, FRAME_HEADER_BYTES + 4);

    const scan = scanSegment(Buffer.concat([intact, torn]), 1n, 'journal-1.wal');

    expect(scan.records.map((entry) => entry.seq)).toEqual([1n, 2n]);
    expect(scan.nextSeq).toBe(3n);
    expect(scan.damagedTail).toEqual({
      offset: intact.byteLength,
      bytes: torn.byteLength,
      reason: 'incomplete record',
    });
  });

  it('given the zero-filled room a segment keeps ahead of its records, when scanned, then it is reported as preallocated space', () => {
    const intact = segmentOf(1n, 2n);

    const scan = scanSegment(Buffer.concat([intact, Buffer.alloc(4096)]), 1n, 'journal-1.wal');

    expect(scan.records.map((entry) => entry.seq)).toEqual([1n, 2n]);
    expect(scan.damagedTail).toEqual({
      offset: intact.byteLength,
      bytes: 4096,
      reason: 'preallocated space',
    });
  });

  it('given a torn record inside the zero-filled room, when scanned, then it is a damaged tail, not preallocated space', () => {
    const intact = segmentOf(1n, 2n);
    const torn = frame(3n).subarray(0, FRAME_HEADER_BYTES + 4);

    const scan = scanSegment(
      Buffer.concat([intact, torn, Buffer.alloc(4096)]),
      1n,
      'journal-1.wal',
    );

    expect(scan.damagedTail).toMatchObject({
      offset: intact.byteLength,
      reason: 'checksum mismatch',
    });
  });

  it('given random garbage after the last record, when scanned, then the garbage is reported as a damaged tail', () => {
    const intact = segmentOf(1n);
    const garbage = Buffer.from(
      'this is not a journal record, just bytes appended by someone '.repeat(20),
    );

    const scan = scanSegment(Buffer.concat([intact, garbage]), 1n, 'journal-1.wal');

    expect(scan.records).toHaveLength(1);
    expect(scan.damagedTail?.offset).toBe(intact.byteLength);
    expect(scan.damagedTail?.bytes).toBe(garbage.byteLength);
  });

  it('given a complete last record with a flipped bit, when scanned, then it is a damaged tail by checksum', () => {
    const intact = segmentOf(1n);
    const damaged = frame(2n);
    damaged[damaged.byteLength - 2]! ^= 0xff;

    const scan = scanSegment(Buffer.concat([intact, damaged]), 1n, 'journal-1.wal');

    expect(scan.damagedTail).toEqual({
      offset: intact.byteLength,
      bytes: damaged.byteLength,
      reason: 'checksum mismatch',
    });
  });

  it('given a damaged record followed by valid records, when scanned, then it refuses with the offset of the damage', () => {
    const first = frame(1n);
    const damaged = frame(2n);
    damaged[FRAME_HEADER_BYTES + 1]! ^= 0xff;
    const buffer = Buffer.concat([first, damaged, frame(3n), frame(4n)]);

    expect(() => scanSegment(buffer, 1n, 'journal-1.wal')).toThrow(JournalCorruptionError);
    expect(() => scanSegment(buffer, 1n, 'journal-1.wal')).toThrow(
      new RegExp(
        `record at byte ${first.byteLength} \\(sequence 2\\) fails its check .* valid record follows at byte ${first.byteLength + damaged.byteLength}`,
      ),
    );
  });

  it('given a damaged length field in the middle, when scanned, then the valid records after it still make it corruption', () => {
    const first = frame(1n);
    const damaged = frame(2n);
    damaged.writeUInt32LE(0x7fffffff, 0);
    const buffer = Buffer.concat([first, damaged, frame(3n)]);

    expect(() => scanSegment(buffer, 1n, 'journal-1.wal')).toThrow(
      /incomplete record.*valid record follows/,
    );
  });

  it('given a valid record with an unexpected sequence number, when scanned, then it refuses', () => {
    expect(() => scanSegment(segmentOf(1n, 3n), 1n, 'journal-1.wal')).toThrow(
      /has sequence 3, expected 2/,
    );
  });

  it('given a segment whose first record does not match its file name, when scanned, then it refuses', () => {
    expect(() => scanSegment(segmentOf(4n), 1n, 'journal-1.wal')).toThrow(
      /has sequence 4, expected 1/,
    );
  });
});
