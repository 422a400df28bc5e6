import { describe, expect, it } from 'vitest';
import {
  catalogDraftProblems,
  citationRefusal,
  linkProblem,
  publicationRefusal,
} from './catalog.rules.js';

const draft = {
  title: '资源共享工作调研报告',
  summary: '总结各处室资源共享做法',
  keywords: ['资源共享'],
  classification: 'INTERNAL' as const,
};
const publisher = { divisionId: 'div-research', clearance: 'CONFIDENTIAL' as const };

describe('catalogDraftProblems', () => {
  it('accepts a complete entry', () => {
    expect(catalogDraftProblems(draft, null)).toEqual([]);
  });

  it('refuses an entry classified below the document it describes', () => {
    expect(catalogDraftProblems(draft, { classification: 'CONFIDENTIAL' })).toEqual([
      '条目密级不能低于所关联文件的密级',
    ]);
  });

  it('wants a title and bounds title, summary and each keyword', () => {
    expect(catalogDraftProblems({ ...draft, title: '' }, null)).toEqual(['条目标题不能为空']);
    expect(
      catalogDraftProblems(
        {
          ...draft,
          title: 'x'.repeat(201),
          summary: 'x'.repeat(5_001),
          keywords: ['x'.repeat(51)],
        },
        null,
      ),
    ).toEqual([
      '条目标题不能超过 200 个字',
      '条目摘要不能超过 5000 个字',
      '每个关键词不能超过 50 个字',
    ]);
  });

  it('checks the link', () => {
    expect(
      catalogDraftProblems({ ...draft, link: { kind: 'EXTERNAL', targetId: '' } }, null),
    ).toEqual(['请填写链接目标']);
  });
});

describe('linkProblem', () => {
  it('wants a target', () => {
    expect(linkProblem(null)).toBeNull();
    expect(linkProblem({ kind: 'ACHIEVEMENT', targetId: ' ' })).toBe('请填写链接目标');
    expect(linkProblem({ kind: 'ACHIEVEMENT', targetId: 'achievement-1' })).toBeNull();
  });

  it('accepts only http(s) web addresses as EXTERNAL links', () => {
    expect(linkProblem({ kind: 'EXTERNAL', targetId: 'https://www.hlj.gov.cn/a?b=1' })).toBeNull();
    expect(linkProblem({ kind: 'EXTERNAL', targetId: 'http://10.1.2.3/share' })).toBeNull();
    for (const targetId of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'www.hlj.gov.cn',
      'data:,x',
    ]) {
      expect(linkProblem({ kind: 'EXTERNAL', targetId })).toBe(
        '外部链接须为 http:// 或 https:// 开头的网址',
      );
    }
  });
});

describe('publicationRefusal', () => {
  it('lets division staff publish within their clearance', () => {
    expect(publicationRefusal(draft, publisher)).toBeNull();
  });

  it('refuses publishers outside divisions and entries above the clearance', () => {
    expect(publicationRefusal(draft, { divisionId: null, clearance: 'CONFIDENTIAL' })).toBe(
      '只有处室可以发布查阅条目',
    );
    expect(publicationRefusal({ classification: 'SECRET' }, publisher)).toBe(
      '不能发布高于本人涉密等级的条目',
    );
  });
});

describe('citationRefusal', () => {
  it('allows other divisions to cite and refuses the source division', () => {
    expect(citationRefusal('div-research', 'div-general-1')).toBeNull();
    expect(citationRefusal('div-research', 'div-research')).toBe('不能引用本处室发布的条目');
    expect(citationRefusal('div-research', null)).toBe('只有处室可以引用查阅条目');
  });
});
