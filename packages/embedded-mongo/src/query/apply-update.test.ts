import { ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { MongoCommandError } from '../errors/mongo-error.js';
import { applyUpdate, classifyUpdate } from './apply-update.js';

const update = (
  doc: Record<string, unknown>,
  u: Record<string, unknown> | Record<string, unknown>[],
  inserting = false,
) => applyUpdate(doc, u, { filter: {}, inserting });

describe('applyUpdate', () => {
  it('given a stored document with nested arrays, when updated, then the original is untouched', () => {
    const stored = { _id: 1, a: { list: [1, 2] }, items: [{ q: 1 }] };
    const { doc } = applyUpdate(
      stored,
      { $push: { 'a.list': 3 }, $set: { 'items.$[].q': 9 } },
      { filter: {}, inserting: false },
    );
    expect(doc).toEqual({ _id: 1, a: { list: [1, 2, 3] }, items: [{ q: 9 }] });
    expect(stored).toEqual({ _id: 1, a: { list: [1, 2] }, items: [{ q: 1 }] });
  });

  it('given $setOnInsert, then it applies only to an inserted document', () => {
    expect(update({ _id: 1 }, { $set: { a: 1 }, $setOnInsert: { b: 2 } }, true).doc).toEqual({
      _id: 1,
      a: 1,
      b: 2,
    });
    expect(update({ _id: 1 }, { $set: { a: 1 }, $setOnInsert: { b: 2 } }, false).doc).toEqual({
      _id: 1,
      a: 1,
    });
    expect(update({ _id: 1, a: 1 }, { $setOnInsert: { b: 2 } }, false)).toEqual({
      doc: { _id: 1, a: 1 },
      changed: false,
    });
  });

  it('given $currentDate, then a Date is written (not epoch milliseconds)', () => {
    expect(update({ _id: 1 }, { $currentDate: { at: true } }).doc.at).toBeInstanceOf(Date);
  });

  it('given an update that changes nothing, then changed is false', () => {
    expect(update({ _id: 1, a: 1 }, { $set: { a: 1 } }).changed).toBe(false);
    expect(update({ _id: 1, a: 1 }, { $set: { a: 2 } }).changed).toBe(true);
  });

  it('given a replacement, then the _id is kept and other fields replaced', () => {
    const id = new ObjectId();
    expect(update({ _id: id, a: 1 }, { b: 2 }).doc).toEqual({ _id: id, b: 2 });
  });

  it('given an attempt to change _id, then ImmutableField (66)', () => {
    expect(() => update({ _id: 1 }, { $set: { _id: 2 } })).toThrow(
      expect.objectContaining({ code: 66 }) as never,
    );
    expect(() => update({ _id: 1 }, { _id: 2, a: 1 })).toThrow(
      expect.objectContaining({ code: 66 }) as never,
    );
  });

  it('given a pipeline update, then expressions see the current document', () => {
    expect(update({ _id: 1, a: 2 }, [{ $set: { b: { $multiply: ['$a', 10] } } }]).doc).toEqual({
      _id: 1,
      a: 2,
      b: 20,
    });
  });

  it('given the positional operator, then the filter selects the element', () => {
    const { doc } = applyUpdate(
      { _id: 1, xs: [5, 6, 7] },
      { $set: { 'xs.$': 60 } },
      { filter: { xs: 6 }, inserting: false },
    );
    expect(doc.xs).toEqual([5, 60, 7]);
  });

  it('classifies update documents and rejects mixtures and unknown modifiers with FailedToParse', () => {
    expect(classifyUpdate({ $set: { a: 1 } })).toBe('operators');
    expect(classifyUpdate({ a: 1 })).toBe('replacement');
    expect(classifyUpdate([{ $set: { a: 1 } }])).toBe('pipeline');
    for (const bad of [{ $set: { a: 1 }, b: 1 }, { $nope: { a: 1 } }, { $set: 5 }]) {
      let caught: unknown;
      try {
        classifyUpdate(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(MongoCommandError);
      expect((caught as MongoCommandError).code).toBe(9);
    }
  });
});
