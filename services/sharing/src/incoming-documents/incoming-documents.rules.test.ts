import { describe, expect, it } from 'vitest';
import {
  canHandleIncoming,
  incomingRegistrationFilter,
  registeredBody,
} from './incoming-documents.rules.js';

const registration = {
  secretariatDivisionId: 'div-secretariat',
  officeId: 'office-daoli',
  classification: 'CONFIDENTIAL' as const,
};
const person = (over: Partial<Parameters<typeof canHandleIncoming>[0]>) => ({
  divisionId: 'div-general-1',
  officeId: 'office-daoli',
  roles: ['STAFF' as const],
  clearance: 'SECRET' as const,
  ...over,
});

describe('the text a 收文 is registered with', () => {
  it('is the body, then the 附件说明 numbered as GB/T 9704 prints it', () => {
    expect(registeredBody('正文', ['台账', '名单'])).toBe('正文\n\n附件：1. 台账\n2. 名单');
  });
  it('is the body alone without attachments', () => {
    expect(registeredBody('正文', [])).toBe('正文');
  });
});

describe('who handles a 收文 from another office', () => {
  it('is the secretariat and the office leadership, within their clearance', () => {
    expect(canHandleIncoming(person({ divisionId: 'div-secretariat' }), registration)).toBe(true);
    expect(
      canHandleIncoming(person({ divisionId: null, roles: ['OFFICE_LEADER'] }), registration),
    ).toBe(true);
    expect(
      canHandleIncoming(
        person({ divisionId: 'div-secretariat', clearance: 'INTERNAL' }),
        registration,
      ),
    ).toBe(false);
  });
  it('is nobody else: other divisions, another office’s leadership', () => {
    expect(canHandleIncoming(person({}), registration)).toBe(false);
    expect(
      canHandleIncoming(
        person({ divisionId: null, roles: ['OFFICE_LEADER'], officeId: 'office-harbin' }),
        registration,
      ),
    ).toBe(false);
  });
  it('as a filter, matches nothing for someone who handles nothing', () => {
    expect(incomingRegistrationFilter(person({ divisionId: null }))).toMatchObject({
      $or: [{ _id: null }],
    });
  });
});
