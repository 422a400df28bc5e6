import { describe, expect, it } from 'vitest';
import { demoUserDirectory } from '@heli/demo-data';
import { demoUserTable } from './demo-user-table.js';

describe('demoUserTable', () => {
  it('given the demo users, when shown, then one aligned line each names the user, person, division and roles', () => {
    const lines = demoUserTable(demoUserDirectory()).split('\n');
    expect(lines[0]).toMatch(/^user\s+name\s+title\s+division\s+roles\s+clearance$/);
    expect(lines).toHaveLength(demoUserDirectory().length + 1);
    const director = lines.find((line) => line.startsWith('director '));
    expect(director).toContain('王建国');
    // Columns line up although the names are Chinese: "name" starts at the same column everywhere.
    const nameColumn = lines[0]!.indexOf('name');
    for (const line of lines.slice(1)) expect(line.slice(0, nameColumn).trim()).not.toContain(' ');
  });
});
