import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../../auth/SessionContext';
import { WorkbenchDocument, type WorkbenchQuery } from '../../generated/graphql';
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
const data: WorkbenchQuery = {
  me: {
    id: claims.sub,
    name: '赵明',
    title: '处长',
    division: { id: claims.divisionId, name: '综合一处' },
  },
  matters: {
    totalCount: 2,
    edges: [
      {
        node: {
          id: 'a-late',
          title: '起草年度工作要点',
          deadline: new Date(Date.now() - 2 * day).toISOString(),
          overdue: true,
          status: 'IN_PROGRESS',
          escalationLevel: 'ORANGE',
          priority: 'HIGH',
          nextReportDueAt: new Date(Date.now() + day).toISOString(),
          leadDivision: { id: claims.divisionId, name: '综合一处' },
        },
      },
      {
        node: {
          id: 'a-soon',
          title: '筹备全市督查工作会议',
          deadline: new Date(Date.now() + 3 * day).toISOString(),
          overdue: false,
          status: 'ASSIGNED',
          escalationLevel: null,
          priority: 'NORMAL',
          nextReportDueAt: null,
          leadDivision: { id: claims.divisionId, name: '综合一处' },
        },
      },
    ],
  },
  unread: {
    totalCount: 1,
    edges: [
      {
        node: {
          id: 'r-1',
          documentTitle: '关于做好岁末年初安全生产工作的通知',
          classification: 'INTERNAL',
          dueAt: new Date(Date.now() + day).toISOString(),
          sentAt: new Date().toISOString(),
          document: { id: 'd-1' },
        },
      },
    ],
  },
  overdueReading: { totalCount: 0, edges: [] },
  circulations: [],
};

describe('工作台', () => {
  beforeEach(() => {
    localStorage.setItem('heli.session', `${encode({ alg: 'HS256' })}.${encode(claims)}.sig`);
  });

  it('given the division head’s matters and reading, then each list shows them with what is late', async () => {
    render(
      <MemoryRouter>
        <SessionProvider>
          <MockedProvider
            mocks={[
              {
                request: {
                  query: WorkbenchDocument,
                  variables: (vars: { divisionId?: unknown }) =>
                    vars.divisionId === claims.divisionId,
                },
                result: { data },
              },
            ]}
          >
            <WorkbenchPage />
          </MockedProvider>
        </SessionProvider>
      </MemoryRouter>,
    );

    const matters = await screen.findByLabelText('近期到期与逾期事项');
    expect(within(matters).getByText('起草年度工作要点')).toBeTruthy();
    expect(within(matters).getByText('已逾期 2 天')).toBeTruthy();
    expect(within(matters).getByText('橙色预警')).toBeTruthy();
    expect(within(matters).getByText('待签收')).toBeTruthy();

    const reports = screen.getByLabelText('待报进展');
    expect(within(reports).getByText('起草年度工作要点')).toBeTruthy();
    expect(within(reports).queryByText('筹备全市督查工作会议')).toBeNull();

    const reading = screen.getByLabelText('待阅文件');
    expect(within(reading).getByText('关于做好岁末年初安全生产工作的通知')).toBeTruthy();
  });
});
