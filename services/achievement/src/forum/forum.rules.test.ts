import { describe, expect, it } from 'vitest';
import {
  adoptionConflict,
  adoptionRefusal,
  conversionConflict,
  conversionRefusal,
  hidingProblems,
  moderationRefusal,
  postClassificationProblem,
  postProblems,
  postRefusal,
  topicOpeningRefusal,
  topicProblems,
} from './forum.rules.js';

type Role = 'STAFF' | 'DIVISION_HEAD' | 'OFFICE_LEADER';
const viewer = (
  divisionId: string | null,
  roles: Role[] = ['STAFF'],
  clearance: 'INTERNAL' | 'SECRET' = 'SECRET',
) => ({ sub: 'staff-1', divisionId, officeId: 'office-harbin', roles, clearance });
const leader = viewer(null, ['OFFICE_LEADER']);
const at = (iso: string) => new Date(iso);
const topic = {
  _id: 'topic-1',
  classification: 'CONFIDENTIAL' as const,
  opensAt: at('2026-05-01T00:00:00Z'),
  closesAt: at('2026-06-01T00:00:00Z'),
};

describe('opening a topic', () => {
  it('given office leadership, then it is allowed', () => {
    expect(topicOpeningRefusal(leader, 'SECRET')).toBeNull();
  });
  it('given a division head or staff, then it is refused', () => {
    expect(topicOpeningRefusal(viewer('div-research', ['DIVISION_HEAD']), 'INTERNAL')).toBe(
      '只有办公厅领导可以开设论坛议题',
    );
  });
  it('given a level above the leader’s clearance, then it is refused', () => {
    expect(topicOpeningRefusal(leader, 'TOP_SECRET')).toMatch(/涉密等级/);
  });
  it('names every problem of the draft at once', () => {
    const problems = topicProblems(
      {
        title: ' ',
        description: '说明',
        assignedDivisionIds: ['div-a', 'div-a'],
        opensAt: at('2026-05-02T00:00:00Z'),
        closesAt: at('2026-05-01T00:00:00Z'),
      },
      at('2026-04-01T00:00:00Z'),
    );
    expect(problems).toEqual([
      '议题标题不能为空',
      '指定参与处室有重复',
      '议题截止时间须晚于开始时间',
    ]);
  });
});

describe('posting', () => {
  it('given an open topic and a staff member, then it is allowed', () => {
    expect(postRefusal(viewer('div-research'), topic, at('2026-05-10T00:00:00Z'))).toBeNull();
  });
  it('given a topic not yet open or already closed, then it is refused', () => {
    expect(postRefusal(viewer('div-research'), topic, at('2026-04-30T23:59:59Z'))).toMatch(
      /尚未开始/,
    );
    expect(postRefusal(viewer('div-research'), topic, topic.closesAt)).toMatch(/已截止/);
  });
  it('a post’s level is bounded by its topic’s level', () => {
    expect(postClassificationProblem('INTERNAL', 'CONFIDENTIAL', 'SECRET')).toBeNull();
    expect(postClassificationProblem('CONFIDENTIAL', 'CONFIDENTIAL', 'SECRET')).toBeNull();
    expect(postClassificationProblem('SECRET', 'CONFIDENTIAL', 'TOP_SECRET')).toBe(
      '帖子密级不能高于议题密级',
    );
  });
  it('a post’s level is bounded by its author’s clearance', () => {
    expect(postClassificationProblem('CONFIDENTIAL', 'SECRET', 'INTERNAL')).toBe(
      '帖子密级不能高于本人涉密等级',
    );
  });
  it('a reply stays in its parent’s topic', () => {
    expect(
      postProblems({ body: '建议', classification: 'INTERNAL' }, topic, 'SECRET', {
        topicId: 'topic-2',
      }),
    ).toEqual(['回复的帖子不在该议题下']);
    expect(postProblems({ body: '  ', classification: 'SECRET' }, topic, 'SECRET', null)).toEqual([
      '帖子内容不能为空',
      '帖子密级不能高于议题密级',
    ]);
  });
});

describe('moderation', () => {
  it('is for office leadership, with a reason', () => {
    expect(moderationRefusal(leader)).toBeNull();
    expect(moderationRefusal(viewer('div-research', ['DIVISION_HEAD']))).toMatch(/办公厅领导/);
    expect(hidingProblems('')).toEqual(['屏蔽理由不能为空']);
    expect(hidingProblems('与议题无关')).toEqual([]);
  });
});

describe('adoption', () => {
  const post = { hidden: null, adoptedAt: null };
  it('is for office leadership only', () => {
    expect(adoptionRefusal(leader)).toBeNull();
    expect(adoptionRefusal(viewer('div-research', ['DIVISION_HEAD']))).toBe(
      '只有办公厅领导可以采纳帖子',
    );
    expect(adoptionRefusal(viewer('div-research'))).toBe('只有办公厅领导可以采纳帖子');
  });
  it('happens once, and never to a hidden post', () => {
    expect(adoptionConflict(post)).toBeNull();
    expect(adoptionConflict({ ...post, adoptedAt: at('2026-05-03T00:00:00Z') })).toBe(
      '该帖子已被采纳',
    );
    expect(
      adoptionConflict({
        ...post,
        hidden: { reason: '无关', byStaffId: 's', at: at('2026-05-03T00:00:00Z') },
      }),
    ).toMatch(/屏蔽/);
  });
});

describe('turning an adopted post into an achievement', () => {
  const post = { authorStaffId: 'staff-9', authorDivisionId: 'div-legal' };
  it('is for the author, the author’s division or leadership', () => {
    expect(conversionRefusal(viewer('div-legal'), post)).toBeNull();
    expect(conversionRefusal(leader, post)).toBeNull();
    expect(conversionRefusal(viewer('div-research'), post)).toMatch(/发帖人所在处室/);
  });
  it('needs an adopted post, once', () => {
    const adopted = { adoptedAt: at('2026-05-03T00:00:00Z'), achievementId: null, hidden: null };
    expect(conversionConflict(adopted)).toBeNull();
    expect(conversionConflict({ ...adopted, adoptedAt: null })).toMatch(/尚未被采纳/);
    expect(conversionConflict({ ...adopted, achievementId: 'achievement-1' })).toMatch(/已登记/);
  });
});
