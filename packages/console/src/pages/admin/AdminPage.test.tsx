import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../test/render-page';
import {
  AdminScoringRulesDocument,
  PreviewScoringRulesDocument,
  type AdminRuleSetFieldsFragment,
} from '../../generated/graphql';
import AdminPage from './AdminPage';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signIn = (roles: string[]) =>
  localStorage.setItem(
    'heli.session',
    `${encode({ alg: 'HS256' })}.${encode({
      sub: 'staff-supervision-assessor',
      name: '许光明',
      divisionId: 'div-supervision',
      officeId: 'office-own',
      roles,
      clearance: 'CONFIDENTIAL',
      exp: Math.floor(Date.now() / 1000) + 3600,
    })}.sig`,
  );

const ruleSet = {
  __typename: 'ScoringRuleSet',
  year: 2026,
  version: 2,
  reason: '年初制定',
  createdAt: '2026-01-05T01:00:00Z',
  grading: { excellent: 90, good: 75, pass: 60 },
  rules: [
    {
      id: 'rule-on-time',
      version: 1,
      description: '按期办结',
      eventType: 'heli.responsibility.assignment.completed.v1',
      condition: '{"field":"onTime","equals":true}',
      points: 3,
      target: 'leadDivisionId',
      category: 'RESPONSIBILITY',
      cap: null,
    },
  ],
} satisfies AdminRuleSetFieldsFragment & { __typename: string };

function renderAt(url: string, mocks: MockedResponse[]) {
  renderPage(<AdminPage />, url, mocks);
}

describe('管理', { timeout: 30_000 }, () => {
  it('given someone who may use none of it, then the FORBIDDEN page says so', async () => {
    signIn(['STAFF']);
    renderAt('/admin', []);
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(screen.getByText('管理页面仅供系统管理员、考核人员和厅领导使用。')).toBeTruthy();
  });

  it('given an assessor, when they change a rule’s points and dry-run, then each division’s change shows and nothing is applied yet', async () => {
    signIn(['STAFF', 'ASSESSOR']);
    let sent:
      | { input: { basedOnVersion: number; rules: { points: number }[]; reason: string } }
      | undefined;
    renderAt('/admin?tab=rules&year=2026', [
      {
        request: { query: AdminScoringRulesDocument, variables: { year: 2026 } },
        result: { data: { scoringRules: ruleSet } },
      },
      {
        request: {
          query: PreviewScoringRulesDocument,
          variables: (variables) => {
            sent = variables as typeof sent;
            return true;
          },
        },
        result: {
          data: {
            previewScoringRules: {
              __typename: 'Recompute',
              applied: false,
              eventsReplayed: 120,
              adjustments: 7,
              ruleSet: { ...ruleSet, version: 3 },
              divisions: [
                {
                  __typename: 'DivisionScoreChange',
                  before: 30,
                  after: 30,
                  change: 0,
                  division: { __typename: 'Division', id: 'd2', name: '秘书处' },
                },
                {
                  __typename: 'DivisionScoreChange',
                  before: 40,
                  after: 48,
                  change: 8,
                  division: { __typename: 'Division', id: 'd1', name: '综合一处' },
                },
              ],
            },
          },
        },
      },
    ]);
    // Only the rules: an assessor does not maintain the organisation.
    expect(await screen.findByRole('tab', { name: '评分标准' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: '组织机构' })).toBeNull();

    const points = await screen.findByLabelText('规则分值 rule-on-time');
    fireEvent.change(points, { target: { value: '5' } });
    fireEvent.blur(points);
    expect(screen.getByRole('button', { name: /应用并重算/ }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: /试算/ }));
    expect(await screen.findByText('请填写修改理由')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('修改理由'), { target: { value: '提高按期办结分值' } });
    fireEvent.click(screen.getByRole('button', { name: /试算/ }));
    const changes = await screen.findByRole('table', { name: '各处室分数变化' });
    const rows = within(changes).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['综合一处4048+8', '秘书处30300']);
    expect(screen.getByText('重放事件 120 条，将写入调整分录 7 条。')).toBeTruthy();
    expect(sent?.input).toMatchObject({
      basedOnVersion: 2,
      reason: '提高按期办结分值',
      rules: [{ points: 5 }],
    });
    expect(screen.getByRole('button', { name: /应用并重算/ }).hasAttribute('disabled')).toBe(false);
  });
});
