import { Binary, BSONSymbol, Decimal128, Long, ObjectId, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { decodeJournalRecord, encodeJournalRecord, type JournalRecord } from './journal-record.js';

describe('journal record codec', () => {
  it('given ops holding every BSON type the server stores, when encoded and decoded, then values and types survive', () => {
    const id = new ObjectId();
    const record: JournalRecord = {
      ops: [
        {
          op: 'put',
          db: 'heli',
          coll: 'staff',
          doc: {
            _id: id,
            at: new Date('2026-01-02T03:04:05.678Z'),
            big: Long.fromString('9007199254740993'),
            small: Long.fromNumber(5),
            money: Decimal128.fromString('12.30'),
            blob: new Binary(Buffer.from([1, 2, 3])),
            ts: new Timestamp({ t: 1, i: 2 }),
            nested: { list: [1, 'two', { three: 3.5 }] },
            symbol: new BSONSymbol('kept'),
            symbols: [{ s: new BSONSymbol('nested') }],
            'dotted.key': true,
          },
        },
        { op: 'del', db: 'heli', coll: 'staff', id: 'gone' },
        {
          op: 'createIndex',
          db: 'heli',
          coll: 'staff',
          spec: { name: 'email_1', key: { email: 1 }, unique: true },
        },
      ],
    };

    const decoded = decodeJournalRecord(encodeJournalRecord(record));

    expect(decoded).toEqual(record);
    const doc = decoded.ops[0]?.op === 'put' ? decoded.ops[0].doc : {};
    expect(doc._id).toBeInstanceOf(ObjectId);
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.big).toBeInstanceOf(Long);
    expect(doc.small).toBeInstanceOf(Long);
    expect(doc.money).toBeInstanceOf(Decimal128);
    expect(String(doc.money)).toBe('12.30');
    expect(doc.symbol).toBeInstanceOf(BSONSymbol);
  });

  it('given a payload whose document is not a known operation, when decoded, then it is rejected', () => {
    const bogus = encodeJournalRecord({ ops: [{ op: 'truncateEverything', db: 'x' } as never] });
    expect(() => decodeJournalRecord(bogus)).toThrow(
      /unknown journal operation "truncateEverything"/,
    );
  });

  it('given a payload cut inside a document, when decoded, then it is rejected', () => {
    const bytes = encodeJournalRecord({ ops: [{ op: 'dropDatabase', db: 'heli' }] });
    expect(() => decodeJournalRecord(bytes.subarray(0, bytes.byteLength - 3))).toThrow(
      /beyond the payload/,
    );
  });
});
