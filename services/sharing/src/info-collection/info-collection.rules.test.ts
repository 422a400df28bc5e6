import { describe, expect, it } from 'vitest';
import {
  decisionProblem,
  digestBody,
  nextScheduledRun,
  adoptionRefusal,
  returnReasonProblem,
  submissionProblems,
  submissionVisibilityFilter,
} from './info-collection.rules.js';

describe('submissionProblems', () => {
  it('needs a title and text', () => {
    expect(
      submissionProblems({ title: '区县动态', content: '道里区推进政务服务“一网通办”' }),
    ).toEqual([]);
    expect(submissionProblems({ title: '', content: ' ' })).toEqual([
      '信息标题不能为空',
      '信息正文不能为空',
    ]);
  });
});

describe('decisions', () => {
  it('decide only once', () => {
    expect(decisionProblem('SUBMITTED')).toBeNull();
    expect(decisionProblem('ADOPTED')).toBe('该信息已采用');
    expect(decisionProblem('RETURNED')).toBe('该信息已退回');
  });
  it('return with a reason', () => {
    expect(returnReasonProblem('  ')).toBe('退回时请说明理由');
    expect(returnReasonProblem('数据需核实')).toBeNull();
  });
});

describe('limits', () => {
  it('bounds the content and the return reason', () => {
    expect(submissionProblems({ title: '动态', content: 'x'.repeat(200_001) })).toEqual([
      '信息正文不能超过 200000 个字',
    ]);
    expect(returnReasonProblem('x'.repeat(2_001))).toBe('退回理由不能超过 2000 个字');
  });
});

describe('adoptionRefusal', () => {
  it('refuses adopting an item of the adopter’s own division, and nothing else', () => {
    expect(adoptionRefusal('div-secretariat', 'div-secretariat')).toBe(
      '不能采用本处室报送的信息：采用计入报送处室的得分',
    );
    expect(adoptionRefusal('div-legal', 'div-secretariat')).toBeNull();
    expect(adoptionRefusal(null, 'div-secretariat')).toBeNull();
  });
});

describe('digestBody', () => {
  it('numbers the items in order', () => {
    expect(
      digestBody([
        { title: '甲', content: '一' },
        { title: '乙', content: '二' },
      ]),
    ).toBe('1. 甲\n一\n\n2. 乙\n二');
  });
});

describe('nextScheduledRun', () => {
  it('steps by the period and skips runs missed while stopped', () => {
    const previous = new Date('2026-03-02T00:00:00Z');
    expect(nextScheduledRun(previous, 7, new Date('2026-03-02T00:05:00Z'))).toEqual(
      new Date('2026-03-09T00:00:00Z'),
    );
    expect(nextScheduledRun(previous, 7, new Date('2026-03-20T00:00:00Z'))).toEqual(
      new Date('2026-03-23T00:00:00Z'),
    );
  });
});

describe('submissionVisibilityFilter', () => {
  it('shows the secretariat everything', () => {
    expect(
      submissionVisibilityFilter({ sub: 's', divisionId: 'div-secretariat', officeId: 'o' }, true),
    ).toEqual({});
  });
  it('shows a division its own submissions and an outside body its own', () => {
    expect(
      submissionVisibilityFilter({ sub: 's', divisionId: 'div-legal', officeId: 'o' }, false),
    ).toEqual({
      $or: [{ submittedByStaffId: 's' }, { submitterDivisionId: 'div-legal' }],
    });
    expect(
      submissionVisibilityFilter({ sub: 'l', divisionId: null, officeId: 'office-npc' }, false),
    ).toEqual({
      $or: [
        { submittedByStaffId: 'l' },
        { submitterOfficeId: 'office-npc', submitterDivisionId: null },
      ],
    });
  });
});
