import { ApolloProvider } from '@apollo/client/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
// Ant Design's styles as one static, cached stylesheet (zeroRuntime below): generating them at run
// time was over a quarter of the main thread's script work before the 工作台's first paint.
import 'antd/dist/antd.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createConsoleClient } from '../api/apollo';
import { SessionProvider, useSession } from '../auth/SessionContext';
import { ConnectionContext } from './connection';
import { ConsoleRoutes } from './ConsoleRoutes';

dayjs.locale('zh-cn');

function WithClient() {
  const { session, signOut } = useSession();
  const token = useRef(session?.token);
  token.current = session?.token;
  const [connectionLost, setConnectionLost] = useState(false);
  // One client, and so one cache, per signed-in person: another person's cached answers must
  // never show. (Not `clearStore` on a change of person: it runs a moment later and fails every
  // query sent meanwhile — the first render's own queries included.)
  const signedInAs = session?.claims.sub;
  const client = useMemo(
    () =>
      createConsoleClient({
        token: () => token.current,
        onUnauthenticated: () => signOut('登录已过期，请重新登录'),
        onConnectionChange: setConnectionLost,
      }),
    // signedInAs is not used inside: a new person is the reason for a new client.
    [signOut, signedInAs],
  );
  return (
    <ApolloProvider client={client}>
      <ConnectionContext.Provider value={connectionLost}>
        <ConsoleRoutes />
      </ConnectionContext.Provider>
    </ApolloProvider>
  );
}

/** Renders the console into `root` (main.tsx loads this once the first request is on its way). */
export function renderConsole(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true }}>
        <AntApp>
          <BrowserRouter>
            <SessionProvider>
              <WithClient />
            </SessionProvider>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
