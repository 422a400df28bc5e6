import { BSON, BSONSymbol } from 'bson';
import { describe, expect, it } from 'vitest';
import { crc32c } from './crc32c.js';
import { MessageFramer, FramingError } from './message-framer.js';
import { encodeOpMsg, MalformedMessageError, OpMsgFlag, parseOpMsg } from './op-msg.js';

function request(sections: Buffer[], flags = 0): Buffer {
  const head = Buffer.alloc(20);
  head.writeInt32LE(2013, 12);
  head.writeUInt32LE(flags, 16);
  const message = Buffer.concat([head, ...sections]);
  message.writeInt32LE(message.length, 0);
  return message;
}

const body = (doc: BSON.Document): Buffer =>
  Buffer.concat([Buffer.from([0]), Buffer.from(BSON.serialize(doc))]);

function sequence(identifier: string, docs: BSON.Document[]): Buffer {
  const payload = Buffer.concat([
    Buffer.from(`${identifier}\0`),
    ...docs.map((d) => Buffer.from(BSON.serialize(d))),
  ]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(payload.length + 4);
  return Buffer.concat([Buffer.from([1]), size, payload]);
}

describe('OP_MSG', () => {
  it('keeps symbols as symbols in the body and in document sequences, and promotes the rest', () => {
    const parsed = parseOpMsg(
      request([
        body({ insert: 'c', $db: 'd', filter: { s: new BSONSymbol('q') } }),
        sequence('documents', [
          { a: 1 },
          { _id: new BSONSymbol('k'), list: [new BSONSymbol('v')] },
        ]),
      ]),
    );
    expect(parsed.command).toEqual({
      insert: 'c',
      $db: 'd',
      filter: { s: new BSONSymbol('q') },
      documents: [{ a: 1 }, { _id: new BSONSymbol('k'), list: [new BSONSymbol('v')] }],
    });
    expect((parsed.command.documents as BSON.Document[])[1]!._id).toBeInstanceOf(BSONSymbol);
  });

  it('folds kind-1 document sequences into the command body', () => {
    const parsed = parseOpMsg(
      request([body({ insert: 'c', $db: 'd' }), sequence('documents', [{ a: 1 }, { a: 2 }])]),
    );
    expect(parsed.command).toEqual({ insert: 'c', $db: 'd', documents: [{ a: 1 }, { a: 2 }] });
  });

  it('reports moreToCome in the flags', () => {
    expect(
      parseOpMsg(request([body({ ping: 1 })], OpMsgFlag.moreToCome)).flags & OpMsgFlag.moreToCome,
    ).toBeTruthy();
  });

  it('verifies a CRC-32C checksum when the flag is set', () => {
    const unsummed = request([body({ ping: 1 }), Buffer.alloc(4)], OpMsgFlag.checksumPresent);
    unsummed.writeUInt32LE(crc32c(unsummed.subarray(0, unsummed.length - 4)), unsummed.length - 4);
    expect(parseOpMsg(unsummed).command).toEqual({ ping: 1 });
    unsummed.writeUInt32LE(1, unsummed.length - 4);
    expect(() => parseOpMsg(unsummed)).toThrow(MalformedMessageError);
  });

  it('computes the standard CRC-32C check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('rejects unknown required flag bits and truncated sections', () => {
    expect(() => parseOpMsg(request([body({ ping: 1 })], 1 << 5))).toThrow(MalformedMessageError);
    const truncated = request([Buffer.from([0, 0x20, 0, 0, 0])]);
    expect(() => parseOpMsg(truncated)).toThrow(MalformedMessageError);
  });

  it('encodes a reply that parses back', () => {
    const encoded = encodeOpMsg({ ok: 1 }, 5, 7);
    expect(encoded.readInt32LE(8)).toBe(7);
    expect(parseOpMsg(encoded).command).toEqual({ ok: 1 });
  });
});

describe('MessageFramer', () => {
  it('reassembles messages split across chunks and splits coalesced ones', () => {
    const a = encodeOpMsg({ a: 1 }, 1, 0);
    const b = encodeOpMsg({ b: 2 }, 2, 0);
    const framer = new MessageFramer(1024);
    const joined = Buffer.concat([a, b]);
    expect(framer.push(joined.subarray(0, 3)).messages).toEqual([]);
    const out = [
      ...framer.push(joined.subarray(3, a.length + 5)).messages,
      ...framer.push(joined.subarray(a.length + 5)).messages,
    ];
    expect(out.map((m) => parseOpMsg(m).command)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('reports a length outside the allowed range', () => {
    const bad = Buffer.alloc(8);
    bad.writeInt32LE(2_000_000, 0);
    expect(new MessageFramer(1024).push(bad).error).toBeInstanceOf(FramingError);
  });

  it('still returns the messages framed before a broken header', () => {
    const good = encodeOpMsg({ ping: 1 }, 1, 0);
    const bad = Buffer.alloc(8);
    bad.writeInt32LE(2_000_000, 0);
    const framer = new MessageFramer(1024);
    const { messages, error } = framer.push(Buffer.concat([good, bad]));
    expect(messages.map((m) => parseOpMsg(m).command)).toEqual([{ ping: 1 }]);
    expect(error).toBeInstanceOf(FramingError);
    expect(framer.push(good).messages).toEqual([]);
  });
});
