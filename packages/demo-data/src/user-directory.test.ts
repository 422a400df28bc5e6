import { describe, expect, it } from 'vitest';
import { demoUserDirectory } from './user-directory.js';
import { demoUsers } from './users.js';

describe('demoUserDirectory', () => {
  it('given the demo users, when listed, then each is named with division, roles and clearance, in demoUsers order', () => {
    const directory = demoUserDirectory();
    expect(directory.map((entry) => entry.user)).toEqual(Object.keys(demoUsers));
    const director = directory.find((entry) => entry.user === 'director');
    expect(director).toMatchObject({ staffId: 'staff-director', name: '王建国' });
    expect(directory.find((entry) => entry.user === 'division-head')?.division).toMatch(/处$/);
    for (const entry of directory) {
      expect(entry.division, entry.user).not.toMatch(/^div-/);
      expect(entry.office, entry.user).not.toBe('');
      expect(entry.roles.length, entry.user).toBeGreaterThan(0);
    }
  });
});
