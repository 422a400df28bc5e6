import { BSONSymbol, Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { JournalCorruptionError } from './errors.js';
import { decodeSnapshot, encodeSnapshot, type SnapshotState } from './snapshot-file.js';

function stateWith(documentCount: number): SnapshotState {
  return {
    databases: [
      {
        name: 'responsibility',
        collections: [
          {
            name: 'staff',
            options: {},
            indexes: [
              { name: '_id_', key: { _id: 1 } },
              {
                name: 'email_1',
                key: { email: 1 },
                unique: true,
                partialFilterExpression: { email: { $exists: true } },
              },
            ],
            docs: Array.from({ length: documentCount }, (_, i) => ({
              _id: new ObjectId(),
              email: `staff${i}@example.gov`,
              padding: 'x'.repeat(200),
              n: Long.fromNumber(i),
            })),
          },
          {
            name: 'empty',
            options: { capped: false },
            indexes: [{ name: '_id_', key: { _id: 1 } }],
            docs: [],
          },
        ],
      },
      { name: 'empty-db', collections: [] },
    ],
  };
}

describe('snapshot file', () => {
  it('given a state larger than one chunk, when encoded and decoded, then it round-trips with its covered sequence', () => {
    const state = stateWith(10_000);
    const frames = encodeSnapshot(state, 4242n);
    expect(frames.length).toBeGreaterThan(5);

    const decoded = decodeSnapshot(Buffer.concat(frames), 'snapshot.snap');

    expect(decoded.coveredSeq).toBe(4242n);
    expect(decoded.state).toEqual(state);
    // 10,000 documents take seconds on a machine shared with other test runs.
  }, 60_000);

  it('given documents holding symbols, when encoded and decoded, then they are still symbols', () => {
    const state = stateWith(0);
    const docs = [
      { _id: new BSONSymbol('id'), s: new BSONSymbol('v'), list: ['w', new BSONSymbol('w')] },
    ];
    state.databases[0]!.collections[0]!.docs = docs;

    const decoded = decodeSnapshot(Buffer.concat(encodeSnapshot(state, 1n)), 'snapshot.snap');

    expect(decoded.state.databases[0]!.collections[0]!.docs).toEqual(docs);
    expect(decoded.state.databases[0]!.collections[0]!.docs[0]!._id).toBeInstanceOf(BSONSymbol);
  });

  it('given a snapshot cut before its end marker, when decoded, then it is refused as damaged', () => {
    const frames = encodeSnapshot(stateWith(10), 1n);
    const truncated = Buffer.concat(frames.slice(0, -1));

    expect(() => decodeSnapshot(truncated, 'snapshot.snap')).toThrow(JournalCorruptionError);
    expect(() => decodeSnapshot(truncated, 'snapshot.snap')).toThrow(/ends before its end marker/);
  });

  it('given a snapshot with a damaged byte, when decoded, then it is refused naming the frame', () => {
    const bytes = Buffer.concat(encodeSnapshot(stateWith(10), 1n));
    bytes[bytes.byteLength - 40]! ^= 0xff;

    expect(() => decodeSnapshot(bytes, 'snapshot.snap')).toThrow(
      /snapshot snapshot.snap is damaged: frame \d+ at byte \d+/,
    );
  });

  it('given a snapshot missing a middle frame, when decoded, then it is refused', () => {
    const frames = encodeSnapshot(stateWith(10), 1n);
    frames.splice(2, 1);

    expect(() => decodeSnapshot(Buffer.concat(frames), 'snapshot.snap')).toThrow(
      /numbered out of order/,
    );
  });
});
