import type { HeliClaims } from '@heli/auth';
import { describe, expect, it } from 'vitest';
import type { MilestoneRecord } from './research.model.js';
import {
  canChangeTeam,
  milestonePlanProblems,
  milestoneReachProblem,
  periodProblems,
  teamProblems,
} from './research-topic.rules.js';

const now = new Date('2026-12-01T09:00:00+08:00');
const day = (d: string) => new Date(`${d}T17:00:00+08:00`);
const claims = (over: Partial<HeliClaims>): HeliClaims =>
  ({
    sub: 'someone',
    name: '某人',
    officeId: 'office-harbin',
    divisionId: 'div-legal',
    roles: ['STAFF'],
    clearance: 'INTERNAL',
    ...over,
  }) as HeliClaims;

describe('milestonePlanProblems', () => {
  const plan = [
    { kind: 'OPENING' as const, dueAt: day('2027-01-15') },
    { kind: 'FIELDWORK' as const, dueAt: day('2027-03-31') },
    { kind: 'DRAFT' as const, dueAt: day('2027-05-15') },
    { kind: 'FINAL' as const, dueAt: day('2027-06-20') },
  ];

  it('accepts 开题, 调研, 初稿, 定稿 in order of dates', () => {
    expect(milestonePlanProblems(plan, now).filter(Boolean)).toEqual([]);
  });

  it('refuses a plan missing a milestone', () => {
    expect(milestonePlanProblems(plan.slice(0, 3), now)).toEqual([
      '请为开题、调研、初稿、定稿各指定一个日期',
    ]);
  });

  it('refuses a 初稿 dated before the 调研 and an 开题 in the past', () => {
    const swapped = [
      { kind: 'OPENING' as const, dueAt: day('2026-11-20') },
      plan[1]!,
      { kind: 'DRAFT' as const, dueAt: day('2027-03-01') },
      plan[3]!,
    ];
    expect(milestonePlanProblems(swapped, now)).toEqual([
      '开题日期不能早于现在',
      '初稿日期必须晚于调研日期',
    ]);
  });
});

describe('milestoneReachProblem', () => {
  const milestones = (reached: string[]): MilestoneRecord[] =>
    (['OPENING', 'FIELDWORK', 'DRAFT', 'FINAL'] as const).map((kind) => ({
      kind,
      dueAt: now,
      reachedAt: reached.includes(kind) ? now : null,
      note: '',
    }));

  it('lets the next milestone be reached', () => {
    expect(milestoneReachProblem(milestones(['OPENING']), 'FIELDWORK')).toBeNull();
  });

  it('refuses skipping ahead, naming what is still open', () => {
    expect(milestoneReachProblem(milestones(['OPENING']), 'FINAL')).toBe('请先完成调研、初稿节点');
  });

  it('refuses reaching a milestone twice', () => {
    expect(milestoneReachProblem(milestones(['OPENING']), 'OPENING')).toBe('开题节点已经完成');
  });
});

describe('canChangeTeam', () => {
  it("lets the lead division's head and the research office change a team", () => {
    expect(canChangeTeam(claims({ sub: 'head-of-lead' }), 'head-of-lead', 'div-research')).toBe(
      true,
    );
    expect(
      canChangeTeam(claims({ divisionId: 'div-research' }), 'head-of-lead', 'div-research'),
    ).toBe(true);
  });

  it('refuses anyone else, a team member or another division head included', () => {
    expect(
      canChangeTeam(claims({ roles: ['DIVISION_HEAD'] }), 'head-of-lead', 'div-research'),
    ).toBe(false);
  });
});

describe('periodProblems and teamProblems', () => {
  it('refuses a period that ends before it starts', () => {
    expect(
      periodProblems({
        title: '2027年上半年',
        startsOn: day('2027-06-30'),
        endsOn: day('2027-01-01'),
        priorities: [],
      }).filter(Boolean),
    ).toEqual(['调研周期的结束日期必须晚于开始日期']);
  });

  it('refuses an empty team', () => {
    expect(teamProblems([]).filter(Boolean)).toEqual(['调研组至少要有一名成员']);
  });
});
