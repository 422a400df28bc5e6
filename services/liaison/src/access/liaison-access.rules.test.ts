import { describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import {
  canReadDocument,
  canSendDocuments,
  readableClassifications,
} from './liaison-access.rules.js';

const scope = { officeId: 'office-harbin', secretariatDivisionId: 'div-secretariat' };
const person = (over: Partial<HeliClaims>): HeliClaims => ({
  sub: 'staff-x',
  name: '某人',
  divisionId: 'div-general-1',
  officeId: 'office-harbin',
  roles: ['STAFF'],
  clearance: 'INTERNAL',
  ...over,
});

describe('who acts for the office', () => {
  it('lets leadership, admins and the secretariat send and sign for', () => {
    expect(canSendDocuments(person({ roles: ['OFFICE_LEADER'], divisionId: null }), scope)).toBe(
      true,
    );
    expect(canSendDocuments(person({ roles: ['ADMIN'] }), scope)).toBe(true);
  });

  it('refuses other staff, and everybody of another office', () => {
    expect(canSendDocuments(person({ roles: ['DIVISION_HEAD'] }), scope)).toBe(false);
    expect(
      canSendDocuments(person({ roles: ['OFFICE_LEADER'], officeId: 'office-daoli' }), scope),
    ).toBe(false);
    expect(canSendDocuments(person({ roles: ['LIAISON'], officeId: 'office-daoli' }), scope)).toBe(
      false,
    );
  });
});

describe('who reads what crossed', () => {
  it('reads up to the clearance, within the own office only', () => {
    expect(readableClassifications(person({ clearance: 'CONFIDENTIAL' }), scope)).toEqual([
      'PUBLIC',
      'INTERNAL',
      'CONFIDENTIAL',
    ]);
    expect(readableClassifications(person({ officeId: 'office-daoli' }), scope)).toEqual([]);
    expect(canReadDocument(person({}), scope, { classification: 'SECRET' })).toBe(false);
    expect(canReadDocument(person({}), scope, { classification: 'INTERNAL' })).toBe(true);
  });
});
