import { describe, expect, it } from 'vitest';
import { normalizeText } from './text-field.rules.js';

describe('normalizeText', () => {
  it('removes the surrounding whitespace a pasted name brings', () => {
    expect(normalizeText('  法规室  ')).toBe('法规室');
  });
});
