import { deserialize, serialize, type Document } from 'bson';
import { deserializeKeepingSymbols } from '../bson/deserialize-keeping-symbols.js';
import { crc32c } from './crc32c.js';
import { HEADER_SIZE, OpCode, writeHeader } from './message-header.js';
import { withoutTopLevelField } from './without-field.js';

export const OpMsgFlag = {
  checksumPresent: 1 << 0,
  moreToCome: 1 << 1,
  exhaustAllowed: 1 << 16,
} as const;

/** Flag bits a server must understand; any other bit in 0-15 set means a malformed message. */
const KNOWN_REQUIRED_BITS = OpMsgFlag.checksumPresent | OpMsgFlag.moreToCome;

export type OpMsgRequest = {
  flags: number;
  /** The kind-0 body with every kind-1 document sequence folded in as an array field. */
  command: Document;
};

export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}

export const BSON_DESERIALIZE_OPTIONS = {
  promoteLongs: true,
  promoteValues: true,
  promoteBuffers: false,
} as const;

export function parseOpMsg(message: Buffer): OpMsgRequest {
  const flags = message.readUInt32LE(HEADER_SIZE);
  if ((flags & 0xffff & ~KNOWN_REQUIRED_BITS) !== 0) {
    throw new MalformedMessageError(`unknown required flag bits in OP_MSG: ${flags}`);
  }
  let end = message.length;
  if (flags & OpMsgFlag.checksumPresent) {
    end -= 4;
    const expected = message.readUInt32LE(end);
    if (crc32c(message.subarray(0, end)) !== expected)
      throw new MalformedMessageError('OP_MSG checksum mismatch');
  }
  let offset = HEADER_SIZE + 4;
  // A message without a 0x0e byte after its header holds no symbol element (type 14): one scan
  // for the whole message, and its documents go straight to bson.
  const decode = message.indexOf(0x0e, offset) === -1 ? deserialize : deserializeKeepingSymbols;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = message[offset];
    offset += 1;
    if (kind === 0) {
      const size = readDocumentSize(message, offset, end);
      if (body) throw new MalformedMessageError('OP_MSG has more than one body section');
      // Drivers gossip `$clusterTime` back in every command; nothing here reads it.
      body = decode(
        withoutTopLevelField(message.subarray(offset, offset + size), '$clusterTime'),
        BSON_DESERIALIZE_OPTIONS,
      );
      offset += size;
    } else if (kind === 1) {
      const size = readDocumentSize(message, offset, end);
      const sectionEnd = offset + size;
      const nameEnd = message.indexOf(0, offset + 4);
      if (nameEnd < 0 || nameEnd >= sectionEnd)
        throw new MalformedMessageError('unterminated sequence identifier');
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const docs: Document[] = [];
      let cursor = nameEnd + 1;
      while (cursor < sectionEnd) {
        const docSize = readDocumentSize(message, cursor, sectionEnd);
        docs.push(decode(message.subarray(cursor, cursor + docSize), BSON_DESERIALIZE_OPTIONS));
        cursor += docSize;
      }
      sequences.push([identifier, docs]);
      offset = sectionEnd;
    } else {
      throw new MalformedMessageError(`unknown OP_MSG section kind ${String(kind)}`);
    }
  }
  if (!body) throw new MalformedMessageError('OP_MSG without a body section');
  for (const [identifier, docs] of sequences) body[identifier] = docs;
  return { flags, command: body };
}

function readDocumentSize(buf: Buffer, offset: number, end: number): number {
  if (offset + 4 > end) throw new MalformedMessageError('truncated section');
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > end)
    throw new MalformedMessageError(`invalid BSON document size ${size}`);
  return size;
}

/**
 * An OP_MSG with `reply` as its body. `appended` are BSON elements (already encoded) added at
 * the end of the body, after the reply's own fields.
 */
export function encodeOpMsg(
  reply: Document | Buffer,
  requestId: number,
  responseTo: number,
  flags = 0,
  appended?: Buffer,
): Buffer {
  const body = Buffer.isBuffer(reply) ? reply : serialize(reply);
  const extra = appended?.length ?? 0;
  const bodyStart = HEADER_SIZE + 5;
  const out = Buffer.allocUnsafe(bodyStart + body.length + extra);
  writeHeader(out, { messageLength: out.length, requestId, responseTo, opCode: OpCode.MSG });
  out.writeUInt32LE(flags, HEADER_SIZE);
  out[HEADER_SIZE + 4] = 0;
  if (!appended) {
    out.set(body, bodyStart);
    return out;
  }
  // The body's elements, then the appended ones, then the document's closing 0 byte.
  out.set(body.subarray(0, body.length - 1), bodyStart);
  out.set(appended, bodyStart + body.length - 1);
  out[out.length - 1] = 0;
  out.writeInt32LE(body.length + extra, bodyStart);
  return out;
}
