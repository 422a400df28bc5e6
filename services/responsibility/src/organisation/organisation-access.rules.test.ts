import { describe, expect, it } from 'vitest';
import {
  canMaintainCoordinationBody,
  canMaintainOrganisation,
} from './organisation-access.rules.js';

describe('canMaintainOrganisation', () => {
  it('allows administrators', () => {
    expect(canMaintainOrganisation({ roles: ['STAFF', 'ADMIN'] })).toBe(true);
  });

  it('refuses everyone else, office leadership included', () => {
    expect(canMaintainOrganisation({ roles: ['OFFICE_LEADER'] })).toBe(false);
    expect(canMaintainOrganisation({ roles: ['DIVISION_HEAD', 'STAFF'] })).toBe(false);
  });
});

describe('canMaintainCoordinationBody', () => {
  it('allows administrators and office leadership', () => {
    expect(canMaintainCoordinationBody({ roles: ['ADMIN'] })).toBe(true);
    expect(canMaintainCoordinationBody({ roles: ['OFFICE_LEADER'] })).toBe(true);
  });

  it('refuses division heads and committee leaders', () => {
    expect(canMaintainCoordinationBody({ roles: ['DIVISION_HEAD'] })).toBe(false);
    expect(canMaintainCoordinationBody({ roles: ['COMMITTEE_LEADER'] })).toBe(false);
  });
});
