import type { MockedResponse } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../../test/render-page';
import {
  AssessmentDivisionScoreDocument,
  AssessmentInspectionsDocument,
  AssessmentLeaderboardDocument,
  AssessmentTrendDocument,
  CapabilitiesDocument,
} from '../../generated/graphql';
import { lastMonths } from './assessment';
import AssessmentPage from './AssessmentPage';

// happy-dom has no canvas: the chart is replaced by what it was asked to draw.
vi.mock('./ScoreChart', () => ({
  default: ({
    label,
    option,
  }: {
    label: string;
    option: { series: { name: string; data: number[] }[] };
  }) => (
    <div role="img" aria-label={label}>
      {option.series.map((series) => `${series.name}:${series.data.join(',')}`).join(' ')}
    </div>
  ),
}));

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = {
  sub: 'staff-research-head',
  name: '周海',
  divisionId: 'div-research',
  officeId: 'office-own',
  roles: ['DIVISION_HEAD'],
  clearance: 'SECRET',
  exp: Math.floor(Date.now() / 1000) + 3600,
};
const research = { __typename: 'Division' as const, id: 'div-research', name: '调研室' };
const legal = { __typename: 'Division' as const, id: 'div-legal', name: '法规室' };

const capabilities = (assessment: boolean): MockedResponse => ({
  request: { query: CapabilitiesDocument },
  result: {
    data: {
      interaction: null,
      achievement: null,
      assessment: assessment ? { name: 'ScoreEntry' } : null,
    },
  },
});

const months = lastMonths(6);
const row = (division: typeof research, points: number, rank = 1) => ({
  __typename: 'LeaderboardRow' as const,
  rank,
  points,
  division,
});

const mocks = (): MockedResponse[] => [
  capabilities(true),
  {
    request: {
      query: AssessmentLeaderboardDocument,
      variables: { period: '2026-Q2', category: null },
    },
    result: { data: { leaderboard: [row(research, 42.5, 1), row(legal, 30, 2)] } },
  },
  {
    request: {
      query: AssessmentTrendDocument,
      variables: {
        m1: months[0],
        m2: months[1],
        m3: months[2],
        m4: months[3],
        m5: months[4],
        m6: months[5],
        category: null,
      },
    },
    result: {
      data: {
        m1: [row(research, 5)],
        m2: [],
        m3: [],
        m4: [],
        m5: [row(legal, 2)],
        m6: [row(research, 7), row(legal, 9)],
      },
    },
  },
  {
    request: {
      query: AssessmentDivisionScoreDocument,
      variables: { id: 'div-research', period: '2026-Q2', category: null, after: null },
    },
    result: {
      data: {
        division: {
          ...research,
          rank: 1,
          score: {
            __typename: 'DivisionScore',
            total: 42.5,
            byCategory: [
              { __typename: 'CategoryPoints', category: 'RESPONSIBILITY', points: 42.5 },
            ],
            explanation: {
              __typename: 'ScoreEntryConnection',
              totalCount: 1,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              edges: [
                {
                  __typename: 'ScoreEntryEdge',
                  node: {
                    __typename: 'ScoreEntry',
                    id: 'score-1',
                    kind: 'RULE',
                    category: 'RESPONSIBILITY',
                    points: 2,
                    uncappedPoints: 2,
                    reason: null,
                    recordedAt: '2026-05-08T02:00:00Z',
                    sourceEvent: {
                      __typename: 'SourceEvent',
                      id: 'event-1',
                      type: 'heli.responsibility.assignment.completed.v1',
                      time: '2026-05-08T01:30:00Z',
                      summary: '按时办结督办事项',
                    },
                    rule: {
                      __typename: 'RuleReference',
                      id: 'rule-on-time',
                      description: '按期办结加分',
                    },
                    subject: { __typename: 'Assignment', id: 'a-1', title: '起草年度工作要点' },
                  },
                },
              ],
            },
          },
        },
      },
    },
  },
  {
    request: {
      query: AssessmentInspectionsDocument,
      variables: { divisionId: 'div-research', period: '2026-Q2' },
    },
    result: {
      data: {
        inspections: [
          {
            __typename: 'Inspection',
            id: 'inspection-1',
            kind: 'SPOT_CHECK',
            title: '第二季度督办事项抽查',
            status: 'COMPLETED',
            period: '2026-Q2',
            points: -1,
            scheduledFor: null,
            createdAt: '2026-06-20T02:00:00Z',
            completedAt: '2026-06-25T02:00:00Z',
            populationSize: 12,
            seed: 'seed-1',
            sample: [
              { __typename: 'InspectedItem', kind: 'MATTER', id: 'a-1' },
              { __typename: 'InspectedItem', kind: 'MATTER', id: 'a-2' },
            ],
            findings: [],
          },
        ],
      },
    },
  },
];

function renderAt(url: string, responses: MockedResponse[]) {
  renderPage(<AssessmentPage />, url, responses);
}

describe('考核', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.setItem('heli.session', `${encode({ alg: 'HS256' })}.${encode(claims)}.sig`);
  });

  it('given a period in the URL, then the leaderboard and the six-month lines are drawn from the server’s figures', async () => {
    renderAt('/assessment?period=2026-Q2', mocks());
    const board = await screen.findByRole('img', { name: '2026-Q2 各处室得分排行' });
    await within(board).findByText('得分:42.5,30');
    const trend = screen.getByRole('img', { name: '各处室近六个月得分走势' });
    // Ordered by the latest month; 0 where a division was not on a month's leaderboard.
    await within(trend).findByText('法规室:0,0,0,0,2,9 调研室:5,0,0,0,0,7');
  });

  it('given my division, then each score entry shows its explanation and links to the matter it came from', async () => {
    renderAt('/assessment?period=2026-Q2', mocks());
    const entries = await screen.findByRole('table', { name: '得分明细' });
    await within(entries).findByText('按期办结加分');
    expect(within(entries).getByText('按时办结督办事项')).toBeTruthy();
    expect(within(entries).getByText('+2')).toBeTruthy();
    expect(within(entries).getByText('2026/05/08 09:30')).toBeTruthy();
    expect(
      within(entries).getByRole('link', { name: '起草年度工作要点' }).getAttribute('href'),
    ).toBe('/board/matters/a-1');
    const checks = await screen.findByRole('table', { name: '检查与抽查' });
    await within(checks).findByText('第二季度督办事项抽查');
    expect(within(checks).getByText('不定期抽查')).toBeTruthy();
    expect(within(checks).getByText('2 / 12 项')).toBeTruthy();
  });

  it('given an administrator outside any division who reaches 考核 by URL, then the FORBIDDEN page', async () => {
    localStorage.setItem(
      'heli.session',
      `${encode({ alg: 'HS256' })}.${encode({ ...claims, divisionId: null, roles: ['ADMIN'] })}.sig`,
    );
    renderAt('/assessment', [capabilities(true)]);
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(screen.queryByRole('img', { name: /得分排行/ })).toBeNull();
  });

  it('given a supergraph without assessment, then the page says so', async () => {
    renderAt('/assessment', [capabilities(false)]);
    expect(await screen.findByText('考核未启用')).toBeTruthy();
  });
});
