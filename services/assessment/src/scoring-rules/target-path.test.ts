import { describe, expect, it } from 'vitest';
import { divisionsAt, isTargetPath } from './target-path.js';

describe('divisionsAt', () => {
  it('reads a plain field', () => {
    expect(divisionsAt({ leadDivisionId: 'div-a' }, 'leadDivisionId')).toEqual(['div-a']);
  });

  it('reads a field of every array element, keeping repeats and skipping nulls', () => {
    const issue = {
      items: [
        { sourceDivisionId: 'div-a' },
        { sourceDivisionId: null },
        { sourceDivisionId: 'div-b' },
        { sourceDivisionId: 'div-a' },
      ],
    };
    expect(divisionsAt(issue, 'items[].sourceDivisionId')).toEqual(['div-a', 'div-b', 'div-a']);
  });

  it('reads an array of ids', () => {
    expect(divisionsAt({ coDivisionIds: ['div-a', 'div-b'] }, 'coDivisionIds[]')).toEqual([
      'div-a',
      'div-b',
    ]);
  });

  it('yields nothing for a missing or null field', () => {
    expect(divisionsAt({ divisionId: null }, 'divisionId')).toEqual([]);
    expect(divisionsAt({}, 'items[].sourceDivisionId')).toEqual([]);
  });
});

describe('isTargetPath', () => {
  it('accepts fields, nested fields and array walks only', () => {
    expect(isTargetPath('items[].sourceDivisionId')).toBe(true);
    expect(isTargetPath('a.b')).toBe(true);
    expect(isTargetPath('items[0].x')).toBe(false);
    expect(isTargetPath('')).toBe(false);
  });
});
