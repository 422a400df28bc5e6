import { GraphQLError } from 'graphql';
import type { MockedResponse } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../../auth/SessionContext';
import {
  CapabilitiesDocument,
  CatalogueDivisionsDocument,
  CatalogueEntryDocument,
  CatalogueSearchDocument,
  CiteCatalogueEntryDocument,
  OpenCatalogueEntryDocument,
} from '../../generated/graphql';
import CataloguePage from './CataloguePage';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = {
  sub: 'staff-general-1-head',
  name: '赵明',
  divisionId: 'div-general-1',
  officeId: 'office-own',
  roles: ['DIVISION_HEAD'],
  clearance: 'CONFIDENTIAL',
  exp: Math.floor(Date.now() / 1000) + 3600,
};

const entry = {
  __typename: 'CatalogEntry' as const,
  id: 'entry-1',
  title: '关于推进政务资源共享的调研报告',
  summary: '全市资源共享目录建设情况调研，提出统一资源共享平台的建议。',
  keywords: ['资源共享'],
  classification: 'INTERNAL' as const,
  publishedAt: '2026-05-08T01:30:00Z',
  openCount: 3,
  citationCount: 1,
  link: null,
  sourceDivision: { __typename: 'Division' as const, id: 'div-research', name: '调研室' },
};

const divisions: MockedResponse = {
  request: { query: CatalogueDivisionsDocument },
  result: {
    data: {
      divisions: {
        edges: [{ node: { __typename: 'Division', id: 'div-research', name: '调研室' } }],
      },
    },
  },
};

const searched: MockedResponse = {
  request: {
    query: CatalogueSearchDocument,
    variables: {
      query: '资源共享',
      filter: { linkKind: 'DOCUMENT', publishedFrom: '2026-05-01T00:00:00+08:00' },
      after: null,
    },
  },
  result: {
    data: {
      searchCatalog: {
        terms: ['资源', '共享', '资源共享'],
        totalCount: 1,
        pageInfo: { hasNextPage: false, endCursor: null },
        hits: [{ score: 3.2, snippet: '全市资源共享目录建设情况', entry }],
      },
    },
  },
};

function Where() {
  const location = useLocation();
  return <div data-testid="where">{location.search}</div>;
}

function renderAt(url: string, mocks: MockedResponse[]) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <SessionProvider>
        <MockedProvider mocks={mocks}>
          <Routes>
            <Route
              path="/catalogue"
              element={
                <>
                  <CataloguePage />
                  <Where />
                </>
              }
            />
          </Routes>
        </MockedProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
}

describe('查阅', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.setItem('heli.session', `${encode({ alg: 'HS256' })}.${encode(claims)}.sig`);
  });

  it('given search text and filters in the URL, then the server is asked for them and the matching words are marked', async () => {
    renderAt('/catalogue?q=资源共享&kind=DOCUMENT&from=2026-05-01', [searched, divisions]);
    await screen.findByText('关于推进政务资源共享的调研报告');
    const snippet = screen.getByTestId('snippet');
    expect([...snippet.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
      '资源共享',
    ]);
    expect(screen.getByTestId('catalogue-count').textContent).toBe('找到 1 条');
    expect(screen.getByText('2026/05/08')).toBeTruthy();
  });

  it('given an opened entry, when it is cited twice, then the server’s refusal is shown as its message', async () => {
    renderAt('/catalogue?q=资源共享&kind=DOCUMENT&from=2026-05-01', [
      searched,
      divisions,
      {
        request: { query: OpenCatalogueEntryDocument, variables: { id: 'entry-1' } },
        result: {
          data: { openCatalogEntry: { __typename: 'CatalogEntry', id: 'entry-1', openCount: 4 } },
        },
      },
      {
        request: { query: CapabilitiesDocument },
        result: { data: { interaction: null, achievement: null, assessment: null } },
      },
      {
        request: { query: CatalogueEntryDocument, variables: { id: 'entry-1' } },
        result: {
          data: {
            catalogEntry: {
              ...entry,
              publishedBy: { __typename: 'Staff', id: 'staff-research-head', name: '周海' },
            },
          },
        },
      },
      {
        request: {
          query: CiteCatalogueEntryDocument,
          variables: { input: { entryId: 'entry-1', note: '用于本处室调研' } },
        },
        result: {
          errors: [new GraphQLError('本处室已引用过该条目', { extensions: { code: 'CONFLICT' } })],
        },
      },
    ]);
    fireEvent.click(await screen.findByText('关于推进政务资源共享的调研报告'));
    expect(screen.getByTestId('where').textContent).toContain('entry=entry-1');
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('周海，2026/05/08 09:30');
    fireEvent.click(within(drawer).getByRole('button', { name: '借鉴引用' }));
    fireEvent.change(await screen.findByLabelText('引用说明'), {
      target: { value: '用于本处室调研' },
    });
    fireEvent.click(screen.getByRole('button', { name: '引 用' }));
    expect(await screen.findByText('本处室已引用过该条目')).toBeTruthy();
  });
});
