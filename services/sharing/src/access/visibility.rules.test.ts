import { describe, expect, it } from 'vitest';
import {
  canSeeDivisionRecord,
  canSeeDocument,
  catalogVisibilityFilter,
  documentVisibilityFilter,
  isAuditedClassification,
  readableClassifications,
  type DocumentAccessFields,
  type Viewer,
} from './visibility.rules.js';

const staff: Viewer = {
  sub: 'staff-general-1-1',
  divisionId: 'div-general-1',
  officeId: 'office-harbin',
  roles: ['STAFF'],
  clearance: 'CONFIDENTIAL',
};
const director: Viewer = {
  sub: 'staff-director',
  divisionId: null,
  officeId: 'office-harbin',
  roles: ['OFFICE_LEADER'],
  clearance: 'TOP_SECRET',
};

const document = (overrides: Partial<DocumentAccessFields>): DocumentAccessFields => ({
  classification: 'INTERNAL',
  officeId: 'office-harbin',
  registeringDivisionId: 'div-secretariat',
  readerStaffIds: [],
  readerDivisionIds: [],
  ...overrides,
});

describe('readableClassifications', () => {
  it('covers the clearance and everything below it', () => {
    expect(readableClassifications('CONFIDENTIAL')).toEqual(['PUBLIC', 'INTERNAL', 'CONFIDENTIAL']);
    expect(readableClassifications('PUBLIC')).toEqual(['PUBLIC']);
  });
});

describe('documentVisibilityFilter', () => {
  it('requires the clearance and one of the need-to-know grounds', () => {
    expect(documentVisibilityFilter(staff)).toEqual({
      classification: { $in: ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL'] },
      $or: [
        { readerStaffIds: 'staff-general-1-1' },
        { registeringDivisionId: 'div-general-1' },
        { readerDivisionIds: 'div-general-1' },
      ],
    });
  });

  it('gives office leadership the whole office, still within their clearance', () => {
    const filter = documentVisibilityFilter({ ...director, clearance: 'SECRET' });
    expect(filter['classification']).toEqual({
      $in: ['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SECRET'],
    });
    expect(filter['$or']).toContainEqual({ officeId: 'office-harbin' });
  });

  it('gives people outside any division only what was sent to them personally', () => {
    const leader: Viewer = {
      ...director,
      sub: 'staff-party-secretary',
      roles: ['COMMITTEE_LEADER'],
    };
    expect(documentVisibilityFilter(leader)['$or']).toEqual([
      { readerStaffIds: 'staff-party-secretary' },
    ]);
  });
});

describe('canSeeDocument', () => {
  it('agrees with the filter on each ground', () => {
    expect(canSeeDocument(staff, document({ registeringDivisionId: 'div-general-1' }))).toBe(true);
    expect(canSeeDocument(staff, document({ readerDivisionIds: ['div-general-1'] }))).toBe(true);
    expect(canSeeDocument(staff, document({ readerStaffIds: ['staff-general-1-1'] }))).toBe(true);
    expect(canSeeDocument(staff, document({}))).toBe(false);
    expect(canSeeDocument(director, document({}))).toBe(true);
    expect(canSeeDocument(director, document({ officeId: 'office-province' }))).toBe(false);
  });

  it('never shows a document above the clearance, even to its recipients', () => {
    const secret = document({ classification: 'SECRET', readerStaffIds: ['staff-general-1-1'] });
    expect(canSeeDocument(staff, secret)).toBe(false);
  });
});

describe('catalogVisibilityFilter', () => {
  it('limits entries to the clearance within the office, PUBLIC beyond it', () => {
    expect(catalogVisibilityFilter({ ...staff, clearance: 'INTERNAL' })).toEqual({
      $or: [
        { officeId: 'office-harbin', classification: { $in: ['PUBLIC', 'INTERNAL'] } },
        { classification: 'PUBLIC' },
      ],
    });
  });
});

describe('isAuditedClassification', () => {
  it('audits CONFIDENTIAL and above only', () => {
    expect(isAuditedClassification('INTERNAL')).toBe(false);
    expect(isAuditedClassification('CONFIDENTIAL')).toBe(true);
    expect(isAuditedClassification('TOP_SECRET')).toBe(true);
  });
});

describe('canSeeDivisionRecord', () => {
  const member: Viewer = {
    sub: 'staff-legal-1',
    divisionId: 'div-legal',
    officeId: 'office-main',
    roles: ['STAFF'],
    clearance: 'INTERNAL',
  };
  const leader: Viewer = {
    ...member,
    sub: 'staff-director',
    divisionId: null,
    roles: ['OFFICE_LEADER'],
  };

  it('lets the division’s own people and its office’s leadership see it', () => {
    expect(canSeeDivisionRecord(member, 'div-legal', 'office-main')).toBe(true);
    expect(canSeeDivisionRecord(leader, 'div-legal', 'office-main')).toBe(true);
  });

  it('refuses other divisions and other offices’ leadership', () => {
    expect(canSeeDivisionRecord(member, 'div-research', 'office-main')).toBe(false);
    expect(canSeeDivisionRecord(leader, 'div-other', 'office-other')).toBe(false);
    expect(canSeeDivisionRecord(leader, 'div-nope', null)).toBe(false);
  });
});
