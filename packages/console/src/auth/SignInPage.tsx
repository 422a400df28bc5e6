import { Alert, Button, Card, Typography } from 'antd';
import { ItemList } from '../app/ItemList';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from './SessionContext';

interface DemoUser {
  key: string;
  name: string;
  title: string;
}

type DevUsers = { state: 'loading' } | { state: 'ready'; users: DemoUser[] } | { state: 'none' };

/**
 * Development sign-in: pick a demo person, the gateway's development issuer signs their token.
 * Production signs in through the identity provider instead (DEV_SIGN_IN is off there).
 */
export function SignInPage() {
  const { signIn, endedBecause } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [users, setUsers] = useState<DevUsers>({ state: 'loading' });
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const next = new URLSearchParams(location.search).get('next') ?? '/';

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
      // Only a path of this site: a crafted ?next= must not send the person elsewhere.
      navigate(next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : '登录失败');
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <main style={{ maxWidth: 560, margin: '48px auto', padding: 16 }}>
      <Typography.Title level={2}>合力 · 登录</Typography.Title>
      {endedBecause && (
        <Alert type="warning" showIcon title={endedBecause} style={{ marginBottom: 16 }} />
      )}
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
    </main>
  );
}
