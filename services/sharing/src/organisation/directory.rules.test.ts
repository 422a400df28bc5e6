import { describe, expect, it } from 'vitest';
import { recipientProblems } from './directory.rules.js';

const known = {
  staff: [
    { _id: 'staff-a', name: '张三', active: true },
    { _id: 'staff-gone', name: '李四', active: false },
  ],
  divisionIds: ['div-legal'],
};

describe('recipientProblems', () => {
  it('accepts active people and known divisions', () => {
    expect(recipientProblems({ staffIds: ['staff-a'], divisionIds: ['div-legal'] }, known)).toEqual(
      [],
    );
  });

  it('names unknown people, people who have left and unknown divisions, once each', () => {
    expect(
      recipientProblems(
        { staffIds: ['staff-nope', 'staff-gone', 'staff-nope'], divisionIds: ['div-nope'] },
        known,
      ),
    ).toEqual([
      '找不到人员“staff-nope”',
      '李四已离职或停用，不能作为接收人',
      '找不到处室“div-nope”',
    ]);
  });

  it('names the first ten and counts the rest', () => {
    const staffIds = Array.from({ length: 12 }, (_, i) => `staff-${i}`);
    const problems = recipientProblems({ staffIds }, known);
    expect(problems).toHaveLength(11);
    expect(problems[10]).toBe('另有 2 个接收人无法分送');
  });
});
