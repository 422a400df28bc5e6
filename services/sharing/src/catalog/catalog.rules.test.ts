import { describe, expect, it } from 'vitest';
import { catalogDraftProblems, citationProblem } from './catalog.rules.js';

const draft = {
  title: '资源共享工作调研报告',
  summary: '总结各处室资源共享做法',
  keywords: ['资源共享'],
  classification: 'INTERNAL' as const,
};
const publisher = { divisionId: 'div-research', clearance: 'CONFIDENTIAL' as const };

describe('catalogDraftProblems', () => {
  it('accepts a complete entry within the publisher’s clearance', () => {
    expect(catalogDraftProblems(draft, publisher, null)).toEqual([]);
  });

  it('refuses an entry classified below the document it describes', () => {
    expect(catalogDraftProblems(draft, publisher, { classification: 'CONFIDENTIAL' })).toEqual([
      '条目密级不能低于所关联文件的密级',
    ]);
  });

  it('refuses entries above the clearance, without a title or outside a division', () => {
    const problems = catalogDraftProblems(
      { ...draft, title: '', classification: 'SECRET' },
      { divisionId: null, clearance: 'CONFIDENTIAL' },
      null,
    );
    expect(problems).toEqual([
      '只有处室可以发布查阅条目',
      '条目标题不能为空',
      '不能发布高于本人涉密等级的条目',
    ]);
  });
});

describe('citationProblem', () => {
  it('allows other divisions to cite and refuses the source division', () => {
    expect(citationProblem('div-research', 'div-general-1')).toBeNull();
    expect(citationProblem('div-research', 'div-research')).toBe('不能引用本处室发布的条目');
    expect(citationProblem('div-research', null)).toBe('只有处室可以引用查阅条目');
  });
});
