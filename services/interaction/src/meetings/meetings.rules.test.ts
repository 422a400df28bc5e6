import { describe, expect, it } from 'vitest';
import type { HeliClaims } from '@heli/auth';
import type { MeetingRecord } from './meeting.model.js';
import {
  absentDivisionIds,
  agendaItemProblems,
  canClose,
  meetingDraftProblems,
  meetingVisibilityFilter,
} from './meetings.rules.js';

const now = new Date('2026-11-26T01:00:00Z');
const later = new Date('2026-11-27T01:00:00Z');

const meeting = (overrides: Partial<MeetingRecord> = {}): MeetingRecord => ({
  _id: 'meeting-1',
  kind: 'DELIBERATION',
  title: '议政会',
  startsAt: later,
  place: '',
  chairStaffId: 'staff-director',
  organiserDivisionId: 'div-meetings',
  attendingDivisionIds: ['div-a', 'div-b', 'div-c'],
  attendeeStaffIds: [],
  classification: 'INTERNAL',
  status: 'SCHEDULED',
  agenda: [],
  signIns: [],
  absences: [],
  minutes: null,
  scheduledByStaffId: 'staff-director',
  scheduledAt: now,
  closedByStaffId: null,
  closedAt: null,
  ...overrides,
});

const viewer = (overrides: Partial<HeliClaims> = {}): HeliClaims => ({
  sub: 'staff-x',
  name: '某人',
  divisionId: 'div-x',
  officeId: 'office',
  roles: ['STAFF'],
  clearance: 'INTERNAL',
  ...overrides,
});

describe('absentDivisionIds', () => {
  it('given sign-ins from two of three divisions and a recorded absence, when closing, then the absent ones are those nobody came from', () => {
    const held = meeting({
      signIns: [
        { staffId: 's1', divisionId: 'div-a', at: later },
        { staffId: 's2', divisionId: 'div-c', at: later },
      ],
      absences: [{ divisionId: 'div-c', reason: '出差', recordedByStaffId: 'x', at: later }],
    });
    // div-c recorded an absence but someone came after all: present.
    expect(absentDivisionIds(held)).toEqual(['div-b']);
  });
});

describe('agendaItemProblems', () => {
  const deployment = {
    leadDivisionId: 'div-a',
    coDivisionIds: ['div-b'],
    deadline: later,
    requirements: '按期完成',
  };
  const item = {
    kind: 'DEPLOYMENT' as const,
    title: '部署',
    content: '',
    documentIds: [],
    linkedEntryIds: [],
  };

  it('accepts a 部署 item with a lead, a future deadline and requirements', () => {
    expect(agendaItemProblems({ ...item, deployment }, now).filter(Boolean)).toEqual([]);
  });

  it('refuses a deadline in the past and a lead that is also a co-division', () => {
    expect(
      agendaItemProblems(
        { ...item, deployment: { ...deployment, deadline: now, coDivisionIds: ['div-a'] } },
        now,
      ).filter(Boolean),
    ).toEqual(['部署事项的时限不能早于现在', '牵头处室不能同时是协办处室']);
  });

  it('refuses a lead division on a 通报 item', () => {
    expect(agendaItemProblems({ ...item, kind: 'BRIEFING', deployment }, now)).toContain(
      '只有部署事项可以指定牵头处室和时限',
    );
  });
});

describe('meetingDraftProblems', () => {
  it('refuses a meeting in the past with nobody asked', () => {
    expect(
      meetingDraftProblems(
        {
          kind: 'DELIBERATION',
          title: ' ',
          startsAt: now,
          place: '',
          chairStaffId: 'staff-director',
          attendingDivisionIds: [],
          attendeeStaffIds: [],
        },
        now,
      ).filter(Boolean),
    ).toEqual(['会议名称不能为空', '会议时间不能早于现在', '请至少指定一个参会处室或参会人员']);
  });
});

describe('who may close and see a meeting', () => {
  it('lets the chair and office leadership close, nobody else', () => {
    expect(canClose(viewer({ sub: 'staff-director' }), meeting())).toBe(true);
    expect(canClose(viewer({ roles: ['OFFICE_LEADER'], divisionId: null }), meeting())).toBe(true);
    expect(canClose(viewer({ roles: ['DIVISION_HEAD'] }), meeting())).toBe(false);
  });

  it('limits a division member to meetings of their division within their clearance', () => {
    expect(meetingVisibilityFilter(viewer({ clearance: 'INTERNAL' }))).toMatchObject({
      $and: [
        { classification: { $in: ['PUBLIC', 'INTERNAL'] } },
        { $or: expect.arrayContaining([{ attendingDivisionIds: 'div-x' }]) },
      ],
    });
  });
});
