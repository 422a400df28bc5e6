import { describe, expect, it } from 'vitest';
import { overAllocationProblems } from './research-team.rules.js';
import { segment } from './segmenter.js';
import { likelyDuplicates, type ComparableTopic } from './topic-similarity.rules.js';

const topic = (id: string, title: string, rationale: string): ComparableTopic => ({
  id,
  title,
  titleWords: segment(title),
  rationaleWords: segment(rationale),
});

const period = [
  topic(
    't1',
    '优化营商环境对策研究',
    '围绕市委优化营商环境部署，调研企业办事难点堵点，提出对策建议。',
  ),
  topic('t2', '哈尔滨冰雪经济高质量发展研究', '分析冰雪旅游、冰雪装备产业现状，提出发展路径。'),
  topic('t3', '基层减负工作情况调研', '了解基层文山会海、督查检查考核过多问题，提出减负举措。'),
  topic('t4', '全市政务信息资源共享现状调研', '摸清各部门信息系统和数据共享情况。'),
];

describe('likelyDuplicates', () => {
  it('given a proposal that another division already made in other words, when proposed, then it is flagged', () => {
    const proposal = topic(
      'new',
      '进一步优化我市营商环境的对策研究',
      '针对企业反映的办事难点堵点问题开展调研，提出优化营商环境的对策建议。',
    );
    const flagged = likelyDuplicates(proposal, period);
    expect(flagged.map((d) => d.id)).toEqual(['t1']);
  });

  it('given a proposal on a different subject, when proposed, then nothing is flagged', () => {
    const proposal = topic(
      'new',
      '农村人居环境整治成效评估',
      '评估农村厕所革命、垃圾污水治理成效，查找短板。',
    );
    expect(likelyDuplicates(proposal, period)).toEqual([]);
  });

  it('given two topics sharing only words every topic has, when compared, then they are not duplicates', () => {
    const proposal = topic('new', '冰雪经济发展调研', '分析冰雪产业发展现状，提出对策建议。');
    expect(likelyDuplicates(proposal, period).map((d) => d.id)).toEqual(['t2']);
  });
});

describe('overAllocationProblems', () => {
  it('refuses a researcher already on as many topics as allowed, naming them', () => {
    const loads = new Map([
      ['staff-research-1', 2],
      ['staff-general-1-1', 1],
    ]);
    expect(
      overAllocationProblems(
        ['staff-research-1', 'staff-general-1-1'],
        loads,
        2,
        new Map([['staff-research-1', '吕思远']]),
      ),
    ).toEqual(['吕思远已参加 2 个调研课题，每人最多 2 个']);
  });

  it('accepts a team within the limit', () => {
    expect(overAllocationProblems(['a', 'b'], new Map([['a', 1]]), 2)).toEqual([]);
  });
});
