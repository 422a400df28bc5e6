import { describe, expect, it } from 'vitest';
import { createEnvelope } from '../envelope.js';
import { parseEnvelope } from '../parse-envelope.js';
import { natsSubject } from '../nats-naming.js';
import { divisionCreated, divisionUpdated, staffCreated } from './responsibility.js';

describe('responsibility organisation events', () => {
  it('round-trip a division through envelope and JSON', () => {
    const envelope = createEnvelope(
      divisionCreated,
      {
        divisionId: 'div-mishu',
        officeId: 'office-harbin',
        name: '秘书处',
        kind: 'SECRETARIAT',
        headStaffId: null,
      },
      { source: 'responsibility', subject: 'div-mishu' },
    );

    expect(parseEnvelope(JSON.stringify(envelope))).toEqual(envelope);
    expect(natsSubject('heli', divisionCreated)).toBe(
      'heli.responsibility.organisation.division.created',
    );
  });

  it('require updates to say which fields changed', () => {
    const division = {
      divisionId: 'd1',
      officeId: 'o1',
      name: '综合处',
      kind: 'DIVISION' as const,
      headStaffId: 's1',
    };

    expect(() =>
      createEnvelope(
        divisionUpdated,
        { ...division, changedFields: [] },
        { source: 'responsibility', subject: 'd1' },
      ),
    ).toThrow(/changedFields/);
  });

  it('carry staff roles and clearance with the values @heli/auth knows', () => {
    const staff = {
      staffId: 's1',
      officeId: 'o1',
      divisionId: 'd1',
      name: '李明',
      title: '副处长',
      roles: ['STAFF'],
      clearance: 'CONFIDENTIAL',
      active: true,
    };

    expect(() =>
      createEnvelope(staffCreated, staff as never, { source: 'r', subject: 's1' }),
    ).not.toThrow();
    expect(() =>
      createEnvelope(staffCreated, { ...staff, clearance: 'ULTRA' } as never, {
        source: 'r',
        subject: 's1',
      }),
    ).toThrow(/clearance/);
  });
});
