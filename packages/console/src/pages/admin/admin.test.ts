import { describe, expect, it } from 'vitest';
import {
  adminSearchFrom,
  adminSections,
  adminViewFrom,
  divisionChanges,
  ruleSetInput,
  ruleSetProblems,
  signedPoints,
  type RuleSetDraft,
} from './admin';

describe('what 管理 offers a viewer', () => {
  it('gives the organisation to administrators and the rules to assessors and office leadership', () => {
    expect(adminSections(['STAFF', 'ADMIN'])).toEqual({ organisation: true, scoringRules: false });
    expect(adminSections(['STAFF', 'ASSESSOR'])).toEqual({
      organisation: false,
      scoringRules: true,
    });
    expect(adminSections(['OFFICE_LEADER'])).toEqual({ organisation: false, scoringRules: true });
    expect(adminSections(['STAFF', 'ANALYST'])).toEqual({
      organisation: false,
      scoringRules: false,
    });
  });

  it('falls back to a tab the viewer may use when the URL names another', () => {
    const assessor = adminSections(['ASSESSOR']);
    expect(adminViewFrom(new URLSearchParams('tab=organisation'), assessor, 2026).tab).toBe(
      'rules',
    );
    const admin = adminSections(['ADMIN']);
    expect(adminViewFrom(new URLSearchParams('tab=rules'), admin, 2026).tab).toBe('organisation');
  });

  it('keeps the staff filters, the page and a year other than this one in the URL', () => {
    const sections = adminSections(['ADMIN', 'ASSESSOR']);
    const view = adminViewFrom(
      new URLSearchParams('tab=organisation&division=div-research&search=彭&after=c1&year=2025'),
      sections,
      2026,
    );
    expect(view).toEqual({
      tab: 'organisation',
      division: 'div-research',
      search: '彭',
      after: 'c1',
      year: 2025,
    });
    expect(adminSearchFrom({ tab: 'rules', year: 2026 }, 2026).toString()).toBe('tab=rules');
    expect(adminViewFrom(new URLSearchParams('year=abc'), sections, 2026).year).toBe(2026);
  });
});

const draft = (patch: Partial<RuleSetDraft> = {}): RuleSetDraft => ({
  year: 2026,
  basedOnVersion: 3,
  reason: '  提高按期办结分值 ',
  grading: { excellent: 90, good: 75, pass: 60 },
  rules: [
    {
      id: 'rule-on-time',
      description: '按期办结',
      eventType: 'heli.responsibility.assignment.completed.v1',
      condition: ' {"field":"onTime","equals":true} ',
      points: 3,
      target: 'leadDivisionId',
      category: 'RESPONSIBILITY',
      cap: { points: 30, period: 'MONTH' },
    },
  ],
  ...patch,
});

describe('scoring rules edited as data', () => {
  it('sends the draft as the recompute input, the version it starts from included', () => {
    expect(ruleSetInput(draft())).toEqual({
      year: 2026,
      basedOnVersion: 3,
      reason: '提高按期办结分值',
      grading: { excellent: 90, good: 75, pass: 60 },
      rules: [
        {
          id: 'rule-on-time',
          description: '按期办结',
          eventType: 'heli.responsibility.assignment.completed.v1',
          condition: '{"field":"onTime","equals":true}',
          points: 3,
          target: 'leadDivisionId',
          category: 'RESPONSIBILITY',
          cap: { points: 30, period: 'MONTH' },
        },
      ],
    });
  });

  it('names a missing reason, grades out of order and a condition that is not JSON', () => {
    const bad = draft({
      reason: ' ',
      grading: { excellent: 70, good: 75, pass: 60 },
      rules: [{ ...draft().rules[0]!, condition: '{onTime}' }],
    });
    expect(ruleSetProblems(bad)).toEqual([
      '请填写修改理由',
      '等次分数线须满足：优秀 > 良好 > 合格',
      '规则“按期办结”的条件不是有效的 JSON',
    ]);
    expect(ruleSetProblems(draft())).toEqual([]);
  });

  it('lists the largest change first, then the rest by name', () => {
    const rows = [
      { change: 0, division: { name: '综合二处' } },
      { change: -4, division: { name: '秘书处' } },
      { change: 6, division: { name: '调研处' } },
      { change: 0, division: { name: '督查处' } },
    ];
    expect(divisionChanges(rows).map((r) => r.division.name)).toEqual([
      '调研处',
      '秘书处',
      '督查处',
      '综合二处',
    ]);
    expect([signedPoints(1.5), signedPoints(-2), signedPoints(0)]).toEqual(['+1.5', '-2', '0']);
  });
});
