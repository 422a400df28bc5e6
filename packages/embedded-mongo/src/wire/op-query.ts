import { serialize, type Document } from 'bson';
import { deserializeKeepingSymbols } from '../bson/deserialize-keeping-symbols.js';
import { HEADER_SIZE, OpCode, writeHeader } from './message-header.js';
import { BSON_DESERIALIZE_OPTIONS, MalformedMessageError } from './op-msg.js';

/**
 * The legacy OP_QUERY, which drivers still use for the very first handshake (`isMaster` on
 * `admin.$cmd`) before they know the server speaks OP_MSG.
 */
export type OpQueryRequest = { collection: string; query: Document };

export function parseOpQuery(message: Buffer): OpQueryRequest {
  const nameStart = HEADER_SIZE + 4;
  const nameEnd = message.indexOf(0, nameStart);
  if (nameEnd < 0) throw new MalformedMessageError('OP_QUERY without collection name');
  const collection = message.toString('utf8', nameStart, nameEnd);
  const docStart = nameEnd + 1 + 8;
  if (docStart + 4 > message.length) throw new MalformedMessageError('truncated OP_QUERY');
  const size = message.readInt32LE(docStart);
  if (size < 5 || docStart + size > message.length)
    throw new MalformedMessageError('invalid OP_QUERY document size');
  let query = deserializeKeepingSymbols(
    message.subarray(docStart, docStart + size),
    BSON_DESERIALIZE_OPTIONS,
  );
  // Legacy drivers wrap the command as { $query: {...}, $readPreference } when sending to mongos.
  if (query.$query && typeof query.$query === 'object') query = query.$query as Document;
  return { collection, query };
}

export function encodeOpReply(reply: Document, requestId: number, responseTo: number): Buffer {
  const body = serialize(reply);
  const out = Buffer.allocUnsafe(HEADER_SIZE + 20 + body.length);
  writeHeader(out, { messageLength: out.length, requestId, responseTo, opCode: OpCode.REPLY });
  out.writeInt32LE(0, HEADER_SIZE); // responseFlags
  out.writeBigInt64LE(0n, HEADER_SIZE + 4); // cursorID
  out.writeInt32LE(0, HEADER_SIZE + 12); // startingFrom
  out.writeInt32LE(1, HEADER_SIZE + 16); // numberReturned
  out.set(body, HEADER_SIZE + 20);
  return out;
}
