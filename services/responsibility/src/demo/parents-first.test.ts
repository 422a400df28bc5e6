import type { DemoOffice } from '@heli/demo-data';
import { describe, expect, it } from 'vitest';
import { parentsFirst } from './parents-first.js';

const office = (id: string, parentId: string | null): DemoOffice => ({
  id,
  name: id,
  shortName: id,
  kind: 'LOWER',
  parentId,
});

describe('parentsFirst', () => {
  it('puts every office after its parent, keeping the given order otherwise', () => {
    const ordered = parentsFirst([
      office('district', 'city'),
      office('city', 'province'),
      office('partner', null),
      office('province', null),
    ]);
    expect(ordered.map((o) => o.id)).toEqual(['partner', 'province', 'city', 'district']);
  });

  it('treats a parent outside the list as already there', () => {
    expect(parentsFirst([office('district', 'elsewhere')]).map((o) => o.id)).toEqual(['district']);
  });

  it('refuses a loop instead of running for ever', () => {
    expect(() => parentsFirst([office('a', 'b'), office('b', 'a')])).toThrow('a, b');
  });
});
