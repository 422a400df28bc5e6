import { describe, expect, it } from 'vitest';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import type { DifficultyRecord } from '../difficulties/difficulty.model.js';
import { difficultyItem, involvementIn, matterUrgency, urgencyOf } from './work.rules.js';

const now = new Date('2026-11-26T09:00:00Z');
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

const head = { sub: 'head', divisionId: 'div-a', roles: ['DIVISION_HEAD' as const] };
const leader = { sub: 'leader', divisionId: null, roles: ['OFFICE_LEADER' as const] };

const matter = (over: Partial<AssignmentRecord>) =>
  ({
    responsibleStaffIds: [],
    leadDivisionId: 'div-b',
    coDivisionIds: [],
    assignedByStaffId: 'leader',
    status: 'ACCEPTED',
    deadline: hoursFromNow(100),
    ...over,
  }) as AssignmentRecord;

describe('why a matter is on a work list', () => {
  it('names every tie, the most direct first', () => {
    const mine = matter({ responsibleStaffIds: ['head'], leadDivisionId: 'div-a' });
    expect(involvementIn(head, mine)).toEqual(['RESPONSIBLE', 'LEAD_DIVISION']);
    expect(involvementIn(head, matter({ coDivisionIds: ['div-a'] }))).toEqual(['CO_DIVISION']);
    expect(involvementIn(leader, matter({}))).toEqual(['ASSIGNER']);
  });
});

describe('urgency on a work list', () => {
  it('is overdue past the due time, due soon inside the window, normal before it', () => {
    expect(urgencyOf(hoursFromNow(-1), now, 48)).toBe('OVERDUE');
    expect(urgencyOf(hoursFromNow(48), now, 48)).toBe('DUE_SOON');
    expect(urgencyOf(hoursFromNow(49), now, 48)).toBe('NORMAL');
  });

  it('does not count a submitted result as late: it waits on the assigner', () => {
    const late = { deadline: hoursFromNow(-5) };
    expect(matterUrgency({ ...late, status: 'IN_PROGRESS' }, now, 48)).toBe('OVERDUE');
    expect(matterUrgency({ ...late, status: 'RESULT_SUBMITTED' }, now, 48)).toBe('NORMAL');
  });
});

describe('a difficulty on a work list', () => {
  const difficulty = (over: Partial<DifficultyRecord>) =>
    ({
      divisionId: 'div-a',
      raisedByStaffId: 'someone',
      resolverStaffId: null,
      status: 'OPEN',
      ...over,
    }) as DifficultyRecord;

  it('offers office leadership to assign a resolver and to resolve it', () => {
    expect(difficultyItem(leader, difficulty({ divisionId: 'div-b' }))).toMatchObject({
      involvement: 'AWAITING_RESOLVER',
      actions: ['ASSIGN_RESOLVER', 'RESOLVE'],
    });
  });

  it('offers the assigned resolver to resolve it, and the division head nothing but the view', () => {
    const assigned = difficulty({ resolverStaffId: 'head', status: 'IN_RESOLUTION' });
    expect(difficultyItem(head, assigned)).toMatchObject({
      involvement: 'RESOLVER',
      actions: ['RESOLVE'],
    });
    expect(difficultyItem(head, difficulty({}))).toMatchObject({
      involvement: 'RAISED_BY_MY_DIVISION',
      actions: [],
    });
  });
});
