import mongoose from 'mongoose';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursors', () => {
  it('round-trip typed positions: ObjectId ids and Date keys come back as such', () => {
    const id = new mongoose.Types.ObjectId();
    const key = new Date('2026-03-01T08:00:00Z');
    const decoded = decodeCursor(encodeCursor({ key, id }));
    expect(decoded.id).toBeInstanceOf(mongoose.Types.ObjectId);
    expect(String(decoded.id)).toBe(String(id));
    expect(decoded.key).toEqual(key);
  });

  it('round-trip string ids, numbers and null keys', () => {
    expect(decodeCursor(encodeCursor({ key: 12, id: 'div-3' }))).toEqual({ key: 12, id: 'div-3' });
    expect(decodeCursor(encodeCursor({ key: null, id: 'div-3' }))).toEqual({
      key: null,
      id: 'div-3',
    });
  });

  it('are opaque: URL-safe base64 that does not show the values in plain text', () => {
    const cursor = encodeCursor({ key: '秘书处', id: 'div-1' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('div-1');
  });

  it.each([['not a cursor'], [Buffer.from('{"a":1}').toString('base64url')], ['']])(
    'refuse %j with BAD_USER_INPUT',
    (cursor) => {
      let thrown: unknown;
      try {
        decodeCursor(cursor);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(GraphQLError);
      expect((thrown as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    },
  );
});
