import { describe, expect, it } from 'vitest';
import { assignmentListQuery, assignmentListSort } from './assignment-list.filter.js';

const now = new Date('2026-11-26T00:00:00Z');

describe('assignmentListQuery', () => {
  it('does not narrow the list without filters', () => {
    expect(assignmentListQuery(undefined, now)).toEqual({});
    expect(assignmentListQuery({ status: [], source: null }, now)).toEqual({});
  });

  it('matches a division as lead or co-organiser', () => {
    expect(assignmentListQuery({ divisionId: 'div-legal' }, now)).toEqual({
      $or: [{ leadDivisionId: 'div-legal' }, { coDivisionIds: 'div-legal' }],
    });
  });

  it('combines filters, overdue meaning late with work still owed', () => {
    expect(
      assignmentListQuery(
        {
          status: ['IN_PROGRESS'],
          source: ['INSTRUCTION'],
          overdue: true,
          escalationLevel: ['RED'],
          deadlineFrom: new Date('2026-11-01T00:00:00Z'),
          deadlineTo: new Date('2026-12-01T00:00:00Z'),
        },
        now,
      ),
    ).toEqual({
      $and: [
        { status: { $in: ['IN_PROGRESS'] } },
        { source: { $in: ['INSTRUCTION'] } },
        { escalationLevel: { $in: ['RED'] } },
        { deadline: { $gte: new Date('2026-11-01T00:00:00Z') } },
        { deadline: { $lt: new Date('2026-12-01T00:00:00Z') } },
        {
          status: { $in: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED'] },
          deadline: { $lt: now },
        },
      ],
    });
  });

  it('turns overdue: false into "not overdue"', () => {
    expect(assignmentListQuery({ overdue: false }, now)).toEqual({
      $nor: [
        {
          status: { $in: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED'] },
          deadline: { $lt: now },
        },
      ],
    });
  });
});

describe('assignmentListSort', () => {
  it('lists newest first by default and maps sort fields to stored ones', () => {
    expect(assignmentListSort(null)).toEqual({ field: 'createdAt', direction: 'DESC' });
    expect(assignmentListSort({ field: 'PRIORITY', direction: 'DESC' })).toEqual({
      field: 'priorityRank',
      direction: 'DESC',
    });
    expect(assignmentListSort({ field: 'DEADLINE' })).toEqual({
      field: 'deadline',
      direction: 'ASC',
    });
  });
});
