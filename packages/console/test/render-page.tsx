import type { MockedResponse } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { SessionProvider } from '../src/auth/SessionContext';

/**
 * A page as the console mounts it — at `url`, inside the session and an Apollo client — with the
 * graph's answers given by `mocks`, for a page's component tests.
 */
export function renderPage(page: ReactElement, url: string, mocks: MockedResponse[]) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <SessionProvider>
        <MockedProvider mocks={mocks}>{page}</MockedProvider>
      </SessionProvider>
    </MemoryRouter>,
  );
}
