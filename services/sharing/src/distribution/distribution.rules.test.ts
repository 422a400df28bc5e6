import { describe, expect, it } from 'vitest';
import {
  distributionProblems,
  hasRead,
  isAddressedTo,
  isOnTime,
  readOnTimeRate,
  readerLines,
  readingStatus,
  settlesReading,
  uniqueRecipients,
} from './distribution.rules.js';

const now = new Date('2026-03-02T01:00:00Z');
const later = new Date('2026-03-04T01:00:00Z');

describe('distributionProblems', () => {
  it('accepts recipients with a due time in the future', () => {
    expect(distributionProblems({ staffIds: ['a'], divisionIds: [], dueAt: later }, now)).toEqual(
      [],
    );
  });

  it('wants at least one recipient and a future due time', () => {
    expect(distributionProblems({ staffIds: [], divisionIds: [], dueAt: now }, now)).toEqual([
      '请至少选择一位领导、一个部门或一个处室',
      '阅知时限必须晚于现在',
    ]);
  });
});

describe('distribution note', () => {
  it('is bounded', () => {
    const request = { staffIds: ['a'], divisionIds: [], dueAt: later };
    expect(distributionProblems({ ...request, note: 'x'.repeat(2_000) }, now)).toEqual([]);
    expect(distributionProblems({ ...request, note: 'x'.repeat(2_001) }, now)).toEqual([
      '分送说明不能超过 2000 个字',
    ]);
  });
});

describe('uniqueRecipients', () => {
  it('keeps the first occurrence of each id', () => {
    expect(uniqueRecipients(['b', 'a', 'b'])).toEqual(['b', 'a']);
  });
});

describe('readingStatus', () => {
  it('is READ once acknowledged, OVERDUE when unread past due, else UNREAD', () => {
    expect(readingStatus({ acknowledgedAt: later, dueAt: now }, later)).toBe('READ');
    expect(readingStatus({ acknowledgedAt: null, dueAt: later }, now)).toBe('UNREAD');
    expect(readingStatus({ acknowledgedAt: null, dueAt: now }, later)).toBe('OVERDUE');
  });
});

describe('isAddressedTo', () => {
  const reader = { sub: 'staff-general-1-1', divisionId: 'div-general-1' };
  it('lets a person acknowledge their own request and any request to their division', () => {
    expect(
      isAddressedTo({ recipientStaffId: 'staff-general-1-1', recipientDivisionId: null }, reader),
    ).toBe(true);
    expect(
      isAddressedTo({ recipientStaffId: null, recipientDivisionId: 'div-general-1' }, reader),
    ).toBe(true);
  });
  it('refuses other people’s and other divisions’ requests', () => {
    expect(
      isAddressedTo({ recipientStaffId: 'staff-director', recipientDivisionId: null }, reader),
    ).toBe(false);
    expect(
      isAddressedTo({ recipientStaffId: null, recipientDivisionId: 'div-legal' }, reader),
    ).toBe(false);
    expect(
      isAddressedTo(
        { recipientStaffId: null, recipientDivisionId: 'div-legal' },
        { sub: 'x', divisionId: null },
      ),
    ).toBe(false);
  });
});

describe('isOnTime', () => {
  it('counts the due instant itself as on time', () => {
    expect(isOnTime(now, now)).toBe(true);
    expect(isOnTime(now, later)).toBe(false);
  });
});

describe('readOnTimeRate', () => {
  it('divides on-time readings by settled ones', () => {
    expect(readOnTimeRate({ requested: 10, read: 3, readOnTime: 2, overdue: 1 })).toBe(0.5);
  });
  it('is null while nothing is settled', () => {
    expect(readOnTimeRate({ requested: 4, read: 0, readOnTime: 0, overdue: 0 })).toBeNull();
  });
});

describe('per-person reading within a division reading', () => {
  const at = new Date('2026-03-02T01:00:00Z');
  const receipt = (staffId: string) => ({ staffId, readAt: at, comment: null, onTime: true });
  const division = {
    recipientStaffId: null,
    acknowledgedAt: null,
    acknowledgedByStaffId: null,
    comment: null,
    onTime: null,
    everyoneMustRead: true,
    requiredReaderIds: ['staff-a', 'staff-b'],
    receipts: [receipt('staff-b')],
  };

  it('given every member must read, settles only when each of them has', () => {
    expect(settlesReading(division)).toBe(false);
    expect(
      settlesReading({ ...division, receipts: [receipt('staff-b'), receipt('staff-a')] }),
    ).toBe(true);
  });

  it('given one member reads for the division, settles at the first 已阅', () => {
    expect(settlesReading({ ...division, everyoneMustRead: false })).toBe(true);
    expect(settlesReading({ ...division, everyoneMustRead: false, receipts: [] })).toBe(false);
  });

  it('lists who must read in the order named, then anyone else who read', () => {
    const lines = readerLines({ ...division, receipts: [receipt('staff-c'), receipt('staff-b')] });
    expect(lines.map((line) => [line.staffId, line.mustRead, line.readAt !== null])).toEqual([
      ['staff-a', true, false],
      ['staff-b', true, true],
      ['staff-c', false, true],
    ]);
  });

  it('knows who has read, including whoever settled a request stored before receipts', () => {
    expect(hasRead(division, 'staff-b')).toBe(true);
    expect(hasRead(division, 'staff-a')).toBe(false);
    const before = {
      ...division,
      receipts: [],
      acknowledgedAt: at,
      acknowledgedByStaffId: 'staff-x',
    };
    expect(hasRead(before, 'staff-x')).toBe(true);
    expect(readerLines({ ...before, requiredReaderIds: [] }).map((line) => line.staffId)).toEqual([
      'staff-x',
    ]);
  });
});
