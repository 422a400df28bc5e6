import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../test/render-page';
import {
  MenuSavedQueriesDocument,
  SavedQueriesDocument,
  SaveQueryDocument,
  type SavedQueryFieldsFragment,
} from '../../generated/graphql';
import QueriesPage from './QueriesPage';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signIn = (roles: string[]) =>
  localStorage.setItem(
    'heli.session',
    `${encode({ alg: 'HS256' })}.${encode({
      sub: 'staff-research-analyst',
      name: '彭宇航',
      divisionId: 'div-research',
      officeId: 'office-own',
      roles,
      clearance: 'CONFIDENTIAL',
      exp: Math.floor(Date.now() / 1000) + 3600,
    })}.sig`,
  );

const DOCUMENT = 'query { divisions(first: 2) { edges { node { id name } } } }';

const shared = {
  __typename: 'SavedQuery',
  id: 'sq-1',
  name: '处室名单',
  description: '全部处室',
  document: DOCUMENT,
  variables: '{}',
  shared: true,
  mine: false,
  ownerName: '程立伟',
  updatedAt: '2026-05-08T01:30:00Z',
} as SavedQueryFieldsFragment;

const list = (mineOnly: boolean, items: SavedQueryFieldsFragment[]): MockedResponse => ({
  request: { query: SavedQueriesDocument, variables: { mineOnly, after: null } },
  result: {
    data: {
      savedQueries: {
        __typename: 'SavedQueryConnection',
        totalCount: items.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: items.map((node) => ({ __typename: 'SavedQueryEdge', node })),
      },
    },
  },
});

function renderAt(url: string, mocks: MockedResponse[]) {
  renderPage(<QueriesPage />, url, mocks);
}

describe('查询', { timeout: 30_000 }, () => {
  it('given a colleague’s shared query, when I run it, then the result is a table and I may not change it', async () => {
    signIn(['STAFF']);
    renderAt('/queries', [
      list(false, [shared]),
      {
        request: { query: parse(DOCUMENT), variables: {} },
        result: {
          data: {
            divisions: {
              __typename: 'DivisionConnection',
              edges: [
                {
                  __typename: 'DivisionEdge',
                  node: { __typename: 'Division', id: 'd1', name: '综合一处' },
                },
                {
                  __typename: 'DivisionEdge',
                  node: { __typename: 'Division', id: 'd2', name: '秘书处' },
                },
              ],
            },
          },
        },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: '处室名单' }));
    expect(await screen.findByText('他人共享的查询，只能运行')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /保\s?存/ })).toBeNull();
    // Not an analyst: nothing to keep.
    expect(screen.queryByRole('button', { name: '新建查询' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /运\s?行/ }));
    const result = await screen.findByRole('table', { name: '查询结果' });
    expect(await within(result).findByText('秘书处')).toBeTruthy();
    expect(screen.getByText('结果 2 行（divisions.edges.node）')).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出 CSV' })).toBeTruthy();
  });

  it('given an analyst, when they save a new shared query, then it is sent as typed', async () => {
    signIn(['STAFF', 'ANALYST']);
    let sent: unknown;
    const saved = { ...shared, id: 'sq-2', name: '我的查询', mine: true, ownerName: '彭宇航' };
    renderAt('/queries?mine=1', [
      list(true, []),
      {
        request: {
          query: SaveQueryDocument,
          variables: (variables) => {
            sent = variables;
            return true;
          },
        },
        result: { data: { saveQuery: saved } },
      },
      list(true, [saved]),
    ]);
    fireEvent.change(await screen.findByLabelText('查询名称'), { target: { value: '我的查询' } });
    fireEvent.change(screen.getByLabelText('查询语句（GraphQL）'), { target: { value: DOCUMENT } });
    fireEvent.click(screen.getByRole('checkbox', { name: '在本单位内共享' }));
    fireEvent.click(screen.getByRole('button', { name: /保\s?存/ }));

    expect(await screen.findByText('查询详情')).toBeTruthy();
    expect(sent).toEqual({
      input: {
        name: '我的查询',
        description: '',
        document: DOCUMENT,
        variables: null,
        shared: true,
      },
    });
  });

  it('given someone who is no analyst and has no query shared with them, when they open 查询 by URL, then the FORBIDDEN page', async () => {
    signIn(['STAFF']);
    renderAt('/queries', [
      list(false, []),
      {
        request: { query: MenuSavedQueriesDocument },
        result: { data: { savedQueries: { __typename: 'SavedQueryConnection', totalCount: 0 } } },
      },
    ]);
    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(screen.queryByRole('table', { name: '保存的查询' })).toBeNull();
  });

  it('given variables that are not a JSON object, when I run, then I am told and nothing is sent', async () => {
    signIn(['STAFF', 'ANALYST']);
    renderAt('/queries', [list(false, [])]);
    fireEvent.change(await screen.findByLabelText('查询变量（JSON，可不填）'), {
      target: { value: '[2026]' },
    });
    fireEvent.click(screen.getByRole('button', { name: /运\s?行/ }));
    expect(await screen.findByText('查询变量须是 JSON 对象')).toBeTruthy();
    expect(screen.queryByRole('table', { name: '查询结果' })).toBeNull();
  });
});
