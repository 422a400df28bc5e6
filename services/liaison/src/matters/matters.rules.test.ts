import { describe, expect, it } from 'vitest';
import type { MatterUpdate } from './office-assignment.model.js';
import { escalationOf, officeAssignmentProblems, progressOf, withUpdate } from './matters.rules.js';

const now = new Date('2026-12-06T00:00:00Z');
const daoli = {
  name: '道里区委办公室',
  relation: 'LOWER' as const,
  maxClassification: 'INTERNAL' as const,
};
const input = {
  title: '开展年底督查',
  requirements: '每周报送进展',
  deadline: new Date('2026-12-31T09:00:00Z'),
  classification: 'INTERNAL' as const,
};
const update = (over: Partial<MatterUpdate>): MatterUpdate => ({
  updateId: 'u1',
  type: 'PROGRESS',
  at: now,
  percent: 30,
  onSchedule: true,
  onTime: null,
  level: null,
  ...over,
});

describe('assigning a matter to another office', () => {
  it('accepts a matter for a lower office within the link', () => {
    expect(officeAssignmentProblems(input, daoli, now)).toEqual([]);
  });

  it('refuses a higher office, a classification above the link and a past deadline', () => {
    expect(
      officeAssignmentProblems(
        { ...input, classification: 'SECRET', deadline: new Date('2026-12-01T00:00:00Z') },
        { ...daoli, relation: 'HIGHER', name: '省委办公厅' },
        now,
      ),
    ).toEqual([
      '办理时限应晚于现在',
      '只能向下级机关交办事项，省委办公厅不是本机关的下级机关',
      '与省委办公厅的联络线路最高传输内部事项，机密事项不能经此线路交办',
    ]);
    expect(officeAssignmentProblems(input, undefined, now)).toEqual(['本机关未与该机关建立联络']);
  });
});

describe('updates from the lower office', () => {
  it('records each once, completes the matter and shows the last percentage', () => {
    const first = withUpdate(
      { status: 'ASSIGNED', updates: [] },
      update({ type: 'ACCEPTED', percent: null, updateId: 'a' }),
    )!;
    expect(first.status).toBe('ACCEPTED');
    const second = withUpdate(first, update({ updateId: 'p1', percent: 40 }))!;
    expect(withUpdate(second, update({ updateId: 'p1', percent: 40 }))).toBeNull();
    expect(progressOf(second.status, second.updates)).toBe(40);
    const done = withUpdate(
      second,
      update({ updateId: 'c', type: 'COMPLETED', percent: null, onTime: true }),
    )!;
    expect(done.status).toBe('COMPLETED');
    expect(progressOf(done.status, done.updates)).toBe(100);
  });

  it('shows the highest supervision level reported', () => {
    expect(
      escalationOf([
        update({ level: 'ORANGE' }),
        update({ level: 'RED' }),
        update({ level: 'BLUE' }),
      ]),
    ).toBe('RED');
    expect(escalationOf([update({})])).toBeNull();
  });
});
