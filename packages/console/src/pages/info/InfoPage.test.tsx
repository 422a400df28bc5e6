import type { MockedResponse } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  InfoSubmissionsDocument,
  ReturnInfoDocument,
  type InfoSubmissionsQuery,
} from '../../generated/graphql';
import InfoPage from './InfoPage';

const item = {
  id: 'info-1',
  title: '我市推进政务服务“一网通办”情况',
  content: '全市已有 95% 事项实现网上办理。',
  status: 'SUBMITTED' as const,
  submittedAt: '2026-05-08T01:30:00Z',
  submitterDivision: { id: 'division-general-1', name: '综合一处' },
  submitterOffice: { id: 'office-own', name: '市委办公厅' },
  submittedBy: { id: 'staff-general-1-1', name: '李华' },
  decidedBy: null,
  decidedAt: null,
  returnReason: null,
};

const page = (kind: string, items = [item]): InfoSubmissionsQuery => ({
  me: { id: 'me', division: { id: 'd', kind: kind as never } },
  infoSubmissions: {
    totalCount: items.length,
    pageInfo: { hasNextPage: true, endCursor: 'c1' },
    edges: items.map((node) => ({ node })),
  },
});

function renderAt(url: string, mocks: MockedResponse[]) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <MockedProvider mocks={mocks}>
        <InfoPage />
      </MockedProvider>
    </MemoryRouter>,
  );
}

describe('信息报送', { timeout: 30_000 }, () => {
  it('given a filter in the URL, then the server is asked for that status and the time reads in China time', async () => {
    renderAt('/info?status=SUBMITTED', [
      {
        request: {
          query: InfoSubmissionsDocument,
          variables: { status: 'SUBMITTED', after: null },
        },
        result: { data: page('DIVISION') },
      },
    ]);
    await screen.findByText('我市推进政务服务“一网通办”情况');
    expect(screen.getByText('2026/05/08 09:30')).toBeTruthy();
    // Not the secretariat: nothing to decide.
    expect(screen.queryByRole('button', { name: /采用/ })).toBeNull();
  });

  it('given the secretariat, when it returns an item without a reason, then it is asked for one and nothing is sent', async () => {
    let sent = false;
    renderAt('/info', [
      {
        request: { query: InfoSubmissionsDocument, variables: { status: null, after: null } },
        result: { data: page('SECRETARIAT') },
      },
      {
        request: {
          query: ReturnInfoDocument,
          variables: () => {
            sent = true;
            return true;
          },
        },
        result: { data: { returnInfo: { ...item, status: 'RETURNED' } } },
      },
    ]);
    fireEvent.click(await screen.findByRole('button', { name: `退回“${item.title}”` }));
    fireEvent.click(await screen.findByRole('button', { name: '退 回' }));
    await screen.findByText('请填写退回理由');
    expect(sent).toBe(false);
  });
});
