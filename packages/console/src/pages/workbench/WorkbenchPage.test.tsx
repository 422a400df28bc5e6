import type { MockedResponse } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../../auth/SessionContext';
import {
  CapabilitiesDocument,
  WorkbenchAcceptMatterDocument,
  WorkbenchAcknowledgeReadingDocument,
  WorkbenchDocument,
  WorkbenchInteractionDocument,
  WorkbenchMarkReadDocument,
  type WorkbenchInteractionQuery,
  type WorkbenchQuery,
} from '../../generated/graphql';
import WorkbenchPage from './WorkbenchPage';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = {
  sub: 'staff-general-1-head',
  name: '赵明',
  divisionId: 'division-general-1',
  officeId: 'office-own',
  roles: ['DIVISION_HEAD'],
  clearance: 'CONFIDENTIAL',
  exp: Math.floor(Date.now() / 1000) + 3600,
};

const day = 86_400_000;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();
const division = { id: claims.divisionId, name: '综合一处' };

// __typename lets the cache match the WorkbenchMatter fragment (the gateway always sends it).
const lateMatter = {
  __typename: 'WorkMatter' as const,
  urgency: 'OVERDUE' as const,
  dueAt: at(-2 * day),
  involvement: ['LEAD_DIVISION' as const],
  actions: ['REPORT_PROGRESS' as const, 'SUBMIT_RESULT' as const],
  assignment: {
    id: 'a-late',
    title: '起草年度工作要点',
    status: 'IN_PROGRESS' as const,
    version: 4,
    escalationLevel: 'ORANGE' as const,
    leadDivision: division,
  },
};
const newMatter = {
  __typename: 'WorkMatter' as const,
  urgency: 'NORMAL' as const,
  dueAt: at(10 * day),
  involvement: ['RESPONSIBLE' as const, 'LEAD_DIVISION' as const],
  actions: ['ACCEPT' as const, 'RETURN' as const],
  assignment: {
    id: 'a-new',
    title: '筹备全市督查工作会议',
    status: 'ASSIGNED' as const,
    version: 1,
    escalationLevel: null,
    leadDivision: division,
  },
};
const reading = {
  urgency: 'DUE_SOON' as const,
  dueAt: at(day),
  actions: ['ACKNOWLEDGE' as const],
  reading: {
    id: 'r-1',
    documentTitle: '关于做好岁末年初安全生产工作的通知',
    classification: 'INTERNAL' as const,
    document: { id: 'd-1' },
  },
};

function work(
  overrides: Partial<NonNullable<NonNullable<WorkbenchQuery['me']>['work']>> = {},
): WorkbenchQuery {
  return {
    me: {
      id: claims.sub,
      name: '赵明',
      title: '处长',
      division,
      work: {
        staffId: claims.sub,
        matters: { totalCount: 2, items: [lateMatter, newMatter] },
        progressReportsDue: {
          totalCount: 1,
          items: [{ ...lateMatter, urgency: 'DUE_SOON', dueAt: at(day) }],
        },
        difficulties: {
          totalCount: 1,
          items: [
            {
              involvement: 'RAISED_BY_ME',
              actions: [],
              difficulty: {
                id: 'df-1',
                title: '会场协调困难',
                status: 'OPEN',
                raisedAt: at(-day),
                division,
                assignment: { id: 'a-late' },
              },
            },
          ],
        },
        reminders: {
          totalCount: 1,
          items: [
            {
              actions: ['REPORT_PROGRESS'],
              reminder: {
                id: 'rm-1',
                kind: 'ESCALATION',
                message: '事项已超期，请抓紧办理',
                sentAt: at(-day),
                sentBy: null,
                assignment: { id: 'a-late', title: '起草年度工作要点' },
              },
            },
          ],
        },
        readings: { totalCount: 1, items: [reading] },
        circulations: {
          totalCount: 1,
          items: [
            {
              urgency: 'NORMAL',
              dueAt: at(2 * day),
              actions: ['ACKNOWLEDGE', 'RETURN'],
              circulation: {
                id: 'c-1',
                document: null,
                startedBy: { id: 'staff-secretariat-head', name: '马俊峰' },
              },
            },
          ],
        },
        unreadNotificationCount: 1,
        notifications: {
          edges: [
            {
              node: {
                id: 'n-1',
                kind: 'MATTER_ASSIGNED',
                message: '新交办事项：“筹备全市督查工作会议”，请及时签收办理',
                subjectKind: 'MATTER',
                subjectId: 'a-new',
                occurredAt: at(-60_000),
              },
            },
          ],
        },
        ...overrides,
      },
    },
  };
}

const capabilities = (interaction: boolean): MockedResponse => ({
  request: { query: CapabilitiesDocument },
  result: {
    data: {
      interaction: interaction ? { name: 'WorkflowStep' } : null,
      achievement: null,
      assessment: null,
    },
  },
});

const workbench = (data: WorkbenchQuery): MockedResponse => ({
  request: { query: WorkbenchDocument },
  result: { data },
});

function Where() {
  return <div data-testid="where">{useLocation().pathname}</div>;
}

function renderPage(mocks: MockedResponse[]) {
  return render(
    <MemoryRouter>
      <SessionProvider>
        <MockedProvider mocks={mocks}>
          <Routes>
            <Route path="/" element={<WorkbenchPage />} />
            <Route path="*" element={<Where />} />
          </Routes>
        </MockedProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
}

// Ant Design renders slowly in happy-dom on a shared 2-core machine.
describe('工作台', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.setItem('heli.session', `${encode({ alg: 'HS256' })}.${encode(claims)}.sig`);
  });

  it('given my work, then each list shows what is owed, late first, with what I may do', async () => {
    renderPage([capabilities(false), workbench(work())]);

    const matters = await screen.findByLabelText('我的事项');
    // The list's rows, in order.
    const rows = within(matters).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('起草年度工作要点')).toBeTruthy();
    expect(within(rows[0]!).getByText('已逾期')).toBeTruthy();
    expect(within(rows[0]!).getByText('橙色预警')).toBeTruthy();
    expect(within(rows[0]!).getByRole('link', { name: '汇报进展：起草年度工作要点' })).toBeTruthy();
    expect(
      within(rows[1]!).getByRole('button', { name: '签收“筹备全市督查工作会议”' }),
    ).toBeTruthy();
    expect(within(rows[1]!).getByText('我是责任人')).toBeTruthy();

    const reports = screen.getByLabelText('待报进展');
    expect(within(reports).getByText('起草年度工作要点')).toBeTruthy();
    expect(within(reports).queryByText('筹备全市督查工作会议')).toBeNull();

    const readings = screen.getByLabelText('待阅文件');
    expect(within(readings).getByText('即将到期')).toBeTruthy();
    // A circulation of a document I may not see names no title, but I can still pass it on.
    const circulations = screen.getByLabelText('待我传阅');
    expect(within(circulations).getByText('（无权查看的文件）')).toBeTruthy();
    expect(within(circulations).getByRole('button', { name: /已阅并传下一位/ })).toBeTruthy();
    expect(within(screen.getByLabelText('催办与督办')).getByText('超期督办')).toBeTruthy();
    expect(within(screen.getByLabelText('待解决的困难')).getByText('会场协调困难')).toBeTruthy();
    // Without the interaction subgraph its cards are not shown at all.
    expect(screen.queryByText('待办环节')).toBeNull();
    expect(screen.queryByText('本周会议')).toBeNull();
  });

  it('given a matter awaiting 签收, when I press 签收, then it is accepted at the version I saw and the list reloads', async () => {
    const accepted = { ...newMatter, actions: ['REPORT_PROGRESS' as const] };
    let acceptedWith: unknown;
    renderPage([
      capabilities(false),
      workbench(work()),
      {
        request: {
          query: WorkbenchAcceptMatterDocument,
          variables: (variables: unknown) => {
            acceptedWith = variables;
            return true;
          },
        },
        result: { data: { acceptAssignment: { id: 'a-new', status: 'ACCEPTED', version: 2 } } },
      },
      workbench(
        work({
          matters: {
            totalCount: 2,
            items: [
              lateMatter,
              { ...accepted, assignment: { ...accepted.assignment, version: 2 } },
            ],
          },
        }),
      ),
    ]);

    fireEvent.click(await screen.findByRole('button', { name: '签收“筹备全市督查工作会议”' }));
    await screen.findByRole('link', { name: '汇报进展：筹备全市督查工作会议' });
    expect(acceptedWith).toEqual({ input: { id: 'a-new', expectedVersion: 1 } });
  });

  it('given an unread document, when I press 已阅, then it leaves the list', async () => {
    renderPage([
      capabilities(false),
      workbench(work()),
      {
        request: {
          query: WorkbenchAcknowledgeReadingDocument,
          variables: { input: { readingRequestId: 'r-1' } },
        },
        result: { data: { acknowledgeReading: { id: 'r-1', status: 'ACKNOWLEDGED' } } },
      },
      workbench(work({ readings: { totalCount: 0, items: [] } })),
    ]);

    fireEvent.click(
      await screen.findByRole('button', { name: '已阅“关于做好岁末年初安全生产工作的通知”' }),
    );
    await screen.findByText('没有待阅文件');
  });

  it('given a refusal, then the graph’s own message is shown and the list stays', async () => {
    renderPage([
      capabilities(false),
      workbench(work()),
      {
        request: {
          query: WorkbenchAcknowledgeReadingDocument,
          variables: { input: { readingRequestId: 'r-1' } },
        },
        result: {
          errors: [{ message: '该阅件已阅，无需重复操作', extensions: { code: 'CONFLICT' } }],
        },
      },
    ]);

    fireEvent.click(
      await screen.findByRole('button', { name: '已阅“关于做好岁末年初安全生产工作的通知”' }),
    );
    await screen.findByText('该阅件已阅，无需重复操作');
    expect(screen.getByLabelText('待阅文件')).toBeTruthy();
  });

  it('given an unread notification, when I open it, then it is marked read and its matter opens', async () => {
    let marked: unknown;
    renderPage([
      capabilities(false),
      workbench(work()),
      {
        request: {
          query: WorkbenchMarkReadDocument,
          variables: (variables: unknown) => {
            marked = variables;
            return true;
          },
        },
        result: { data: { markNotificationsRead: { unreadNotificationCount: 0 } } },
      },
    ]);

    fireEvent.click(
      await screen.findByRole('link', {
        name: '新交办事项：“筹备全市督查工作会议”，请及时签收办理',
      }),
    );
    expect((await screen.findByTestId('where')).textContent).toBe('/board/matters/a-new');
    expect(marked).toEqual({ ids: ['n-1'] });
  });

  it('given the interaction subgraph, then my workflow steps and this week’s meetings are listed', async () => {
    const interaction: WorkbenchInteractionQuery = {
      myWorkflowSteps: {
        totalCount: 1,
        edges: [
          {
            node: {
              id: 's-1',
              name: '处长审核',
              dueAt: at(day),
              overdue: false,
              assignee: null,
              case: { id: 'wc-1', title: '年度调研报告' },
            },
          },
        ],
      },
      meetings: {
        edges: [
          {
            node: {
              id: 'm-now',
              kind: 'DELIBERATION',
              title: '本周议政会',
              startsAt: at(60_000),
              place: '第一会议室',
              signIns: [],
            },
          },
          {
            node: {
              id: 'm-later',
              kind: 'COORDINATION',
              title: '下月协调会',
              startsAt: at(30 * day),
              place: '',
              signIns: [],
            },
          },
        ],
      },
    };
    renderPage([
      capabilities(true),
      workbench(work()),
      {
        request: {
          query: WorkbenchInteractionDocument,
          variables: { divisionId: claims.divisionId },
        },
        result: { data: interaction },
      },
    ]);

    const steps = await screen.findByLabelText('待办环节');
    expect(
      within(steps).getByRole('button', { name: '认领：年度调研报告 · 处长审核' }),
    ).toBeTruthy();
    const meetings = screen.getByLabelText('本周会议');
    expect(within(meetings).getByText('本周议政会')).toBeTruthy();
    expect(within(meetings).queryByText('下月协调会')).toBeNull();
  });
});
