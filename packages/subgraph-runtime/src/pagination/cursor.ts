import mongoose from 'mongoose';
import { badInput } from '../errors/public-errors.js';

const { EJSON } = mongoose.mongo.BSON;

/** Where a page ends: the sort key's value and the `_id` that breaks ties between equal keys. */
export interface CursorPosition {
  key: unknown;
  id: unknown;
}

/**
 * Cursors are opaque to clients (base64url) but carry typed values: Extended JSON keeps an
 * ObjectId an ObjectId and a Date a Date, so the decoded position compares correctly in MongoDB.
 */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(EJSON.stringify([position.key, position.id], { relaxed: false })).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    // Relaxed parsing gives plain numbers back; ObjectIds and Dates keep their types.
    const decoded: unknown = EJSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'), {
      relaxed: true,
    });
    if (Array.isArray(decoded) && decoded.length === 2) return { key: decoded[0], id: decoded[1] };
  } catch {
    // Falls through to the same answer as a well-formed but meaningless cursor.
  }
  throw badInput('The cursor is not valid; use a cursor returned by an earlier page', {
    fields: ['after'],
  });
}
