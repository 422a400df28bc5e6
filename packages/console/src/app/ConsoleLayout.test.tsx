import type { MockedResponse } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../auth/SessionContext';
import { MenuSavedQueriesDocument, MenuViewerDocument } from '../generated/graphql';
import { ConsoleLayout } from './ConsoleLayout';

// The bell has its own stream and queries; the menu is what is under test here.
vi.mock('../notifications/NotificationBell', () => ({ NotificationBell: () => null }));

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signIn(roles: string[], divisionId: string | null) {
  localStorage.setItem(
    'heli.session',
    `${encode({ alg: 'HS256' })}.${encode({
      sub: 'staff-1',
      name: '测试人员',
      divisionId,
      officeId: 'office-own',
      roles,
      clearance: 'INTERNAL',
      exp: Math.floor(Date.now() / 1000) + 3600,
    })}.sig`,
  );
}

const viewer = (roles: string[], divisionId: string | null): MockedResponse => ({
  request: { query: MenuViewerDocument },
  result: {
    data: {
      me: {
        __typename: 'Staff',
        id: 'staff-1',
        roles,
        division: divisionId ? { __typename: 'Division', id: divisionId } : null,
      },
    },
  },
});

const runnable = (totalCount: number): MockedResponse => ({
  request: { query: MenuSavedQueriesDocument },
  result: { data: { savedQueries: { __typename: 'SavedQueryConnection', totalCount } } },
});

async function menuFor(mocks: MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/']}>
        <SessionProvider>
          <Routes>
            <Route element={<ConsoleLayout />}>
              <Route index element={<div>工作台内容</div>} />
            </Route>
          </Routes>
        </SessionProvider>
      </MemoryRouter>
    </MockedProvider>,
  );
  const nav = await screen.findByRole('navigation', { name: '主菜单' });
  // The always-shown entries are there at once; the guarded ones once the graph has answered.
  await within(nav).findByText('督办');
  return nav;
}

describe('the menu by what the viewer may use', { timeout: 30_000 }, () => {
  afterEach(() => localStorage.clear());

  it('given an administrator outside any division, then 管理 shows and 考核 and 查询 do not', async () => {
    signIn(['ADMIN'], null);
    const nav = await menuFor([viewer(['ADMIN'], null), runnable(0)]);
    expect(await within(nav).findByText('管理')).toBeTruthy();
    expect(within(nav).queryByText('考核')).toBeNull();
    expect(within(nav).queryByText('查询')).toBeNull();
  });

  it("given a division's staff member with a query shared with them, then 考核 and 查询 show and 管理 does not", async () => {
    signIn(['STAFF'], 'div-general-1');
    const nav = await menuFor([viewer(['STAFF'], 'div-general-1'), runnable(2)]);
    expect(await within(nav).findByText('考核')).toBeTruthy();
    expect(await within(nav).findByText('查询')).toBeTruthy();
    expect(within(nav).queryByText('管理')).toBeNull();
  });

  it('given a staff member with no query to run, then 查询 stays hidden', async () => {
    signIn(['STAFF'], 'div-general-1');
    const nav = await menuFor([viewer(['STAFF'], 'div-general-1'), runnable(0)]);
    expect(await within(nav).findByText('考核')).toBeTruthy();
    expect(within(nav).queryByText('查询')).toBeNull();
  });
});
