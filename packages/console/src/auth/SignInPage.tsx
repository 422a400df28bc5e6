import { Alert, Button, Card, Spin, Typography } from 'antd';
import { ItemList } from '../app/ItemList';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { mayRedirectAutomatically } from './automatic-sign-in';
import { CALLBACK_PATH, loadConsoleConfig, type SignInConfig } from './console-config';
import type { OidcConfig } from './oidc-sign-in';
import { safeReturnPath } from './return-path';
import { useSession } from './SessionContext';

interface DemoUser {
  key: string;
  name: string;
  title: string;
}

type DevUsers = { state: 'loading' } | { state: 'ready'; users: DemoUser[] } | { state: 'none' };

type LoadedConfig =
  | { state: 'loading' }
  | { state: 'ready'; signIn: SignInConfig }
  | { state: 'failed'; reason: string };

/**
 * Sign-in, the way /console-config.json says: in development pick a demo person (the gateway's
 * development issuer signs their token); in production the identity provider's sign-in.
 */
export function SignInPage() {
  const { endedBecause } = useSession();
  const location = useLocation();
  const [config, setConfig] = useState<LoadedConfig>({ state: 'loading' });
  const next = safeReturnPath(new URLSearchParams(location.search).get('next'));

  useEffect(() => {
    let current = true;
    loadConsoleConfig()
      .then((loaded) => current && setConfig({ state: 'ready', signIn: loaded.signIn }))
      .catch(
        (failure: unknown) =>
          current &&
          setConfig({
            state: 'failed',
            reason: failure instanceof Error ? failure.message : String(failure),
          }),
      );
    return () => {
      current = false;
    };
  }, []);

  return (
    <main style={{ maxWidth: 560, margin: '48px auto', padding: 16 }}>
      <Typography.Title level={2}>合力 · 登录</Typography.Title>
      {endedBecause && (
        <Alert type="warning" showIcon title={endedBecause} style={{ marginBottom: 16 }} />
      )}
      {config.state === 'loading' && <Spin />}
      {config.state === 'failed' && (
        <Alert type="error" showIcon title="无法读取登录配置" description={config.reason} />
      )}
      {config.state === 'ready' &&
        (config.signIn.mode === 'oidc' ? (
          <OidcSignIn config={config.signIn} next={next} sessionExpired={!!endedBecause} />
        ) : (
          <DevSignIn next={next} />
        ))}
    </main>
  );
}

/**
 * The identity provider's sign-in. After an expiry the browser goes there by itself (the
 * provider's session usually lets the person straight back, to the page and form they were on);
 * otherwise the person starts it.
 */
function OidcSignIn({
  config,
  next,
  sessionExpired,
}: {
  config: OidcConfig;
  next: string;
  sessionExpired: boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function start() {
    setBusy(true);
    setError(undefined);
    try {
      // Loaded only where the provider's sign-in is used: development never needs the client.
      const { beginOidcSignIn } = await import('./oidc-sign-in');
      const url = await beginOidcSignIn(config, {
        redirectUri: `${window.location.origin}${CALLBACK_PATH}`,
        returnTo: next,
        storage: sessionStorage,
      });
      window.location.assign(url);
    } catch (failure) {
      setError(`无法连接统一身份认证：${failure instanceof Error ? failure.message : ''}`);
      setBusy(false);
    }
  }

  useEffect(() => {
    if (sessionExpired && mayRedirectAutomatically(sessionStorage)) void start();
    // Once, on arrival: a failed automatic attempt leaves the button to the person.
  }, []);

  return (
    <Card title="统一身份认证">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" size="large" loading={busy} onClick={() => void start()}>
        通过统一身份认证登录
      </Button>
    </Card>
  );
}

/** Development sign-in: pick a demo person, the gateway's development issuer signs their token. */
function DevSignIn({ next }: { next: string }) {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [users, setUsers] = useState<DevUsers>({ state: 'loading' });
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    fetch('/auth/dev/users')
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { users: DemoUser[] };
        if (current) setUsers({ state: 'ready', users: body.users });
      })
      .catch(() => current && setUsers({ state: 'none' }));
    return () => {
      current = false;
    };
  }, []);

  async function choose(user: DemoUser) {
    setBusy(user.key);
    setError(undefined);
    try {
      const response = await fetch('/auth/dev/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: user.key }),
      });
      const body = (await response.json()) as { token?: string; error?: string };
      if (!response.ok || !body.token) throw new Error(body.error ?? '登录失败');
      signIn(body.token);
      navigate(next, { replace: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '登录失败');
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card title="开发环境：选择演示用户登录">
        {users.state === 'none' ? (
          <Typography.Paragraph>
            本环境未开启演示登录，请通过单位统一身份认证登录。
          </Typography.Paragraph>
        ) : (
          <ItemList
            loading={users.state === 'loading'}
            dataSource={users.state === 'ready' ? users.users : []}
            renderItem={(user) => (
              <ItemList.Item
                actions={[
                  <Button
                    key="sign-in"
                    type="primary"
                    loading={busy === user.key}
                    onClick={() => void choose(user)}
                    aria-label={`以${user.name}身份登录`}
                  >
                    登录
                  </Button>,
                ]}
              >
                <ItemList.Meta title={user.name} description={user.title} />
              </ItemList.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
