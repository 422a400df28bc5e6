import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, canRead, compareClassification } from './classification.js';

describe('canRead', () => {
  it('lets a clearance read its own level and everything below', () => {
    expect(canRead('CONFIDENTIAL', 'PUBLIC')).toBe(true);
    expect(canRead('CONFIDENTIAL', 'INTERNAL')).toBe(true);
    expect(canRead('CONFIDENTIAL', 'CONFIDENTIAL')).toBe(true);
  });

  it('refuses everything above the clearance', () => {
    expect(canRead('CONFIDENTIAL', 'SECRET')).toBe(false);
    expect(canRead('PUBLIC', 'INTERNAL')).toBe(false);
    expect(canRead('SECRET', 'TOP_SECRET')).toBe(false);
  });

  it('gives TOP_SECRET clearance access to every level', () => {
    expect(CLASSIFICATIONS.every((level) => canRead('TOP_SECRET', level))).toBe(true);
  });
});

describe('compareClassification', () => {
  it('orders PUBLIC < INTERNAL < CONFIDENTIAL < SECRET < TOP_SECRET', () => {
    const shuffled = ['SECRET', 'PUBLIC', 'TOP_SECRET', 'INTERNAL', 'CONFIDENTIAL'] as const;

    expect([...shuffled].sort(compareClassification)).toEqual([
      'PUBLIC',
      'INTERNAL',
      'CONFIDENTIAL',
      'SECRET',
      'TOP_SECRET',
    ]);
    expect(compareClassification('INTERNAL', 'INTERNAL')).toBe(0);
  });
});
