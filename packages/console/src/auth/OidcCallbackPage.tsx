import { Alert, Button, Spin } from 'antd';
import * as oauth from 'oauth4webapi';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { loadConsoleConfig } from './console-config';
import { CALLBACK_PATH, completeOidcSignIn, type OidcTokens } from './oidc-sign-in';
import { useSession } from './SessionContext';

// One exchange per callback URL: the code is single-use, and React may mount this page twice.
const exchanges = new Map<string, Promise<OidcTokens>>();

function exchange(callbackUrl: URL): Promise<OidcTokens> {
  let tokens = exchanges.get(callbackUrl.href);
  if (!tokens) {
    tokens = loadConsoleConfig().then((config) => {
      if (config.signIn.mode !== 'oidc') throw new Error('本环境未配置统一身份认证');
      return completeOidcSignIn(config.signIn, {
        callbackUrl,
        redirectUri: `${callbackUrl.origin}${CALLBACK_PATH}`,
        storage: sessionStorage,
      });
    });
    exchanges.set(callbackUrl.href, tokens);
  }
  return tokens;
}

/** Why the provider's answer was not a sign-in, in words for the person. */
function reasonOf(failure: unknown): string {
  if (failure instanceof oauth.AuthorizationResponseError) {
    return failure.error === 'access_denied'
      ? '统一身份认证未授权本次登录'
      : `统一身份认证返回错误：${failure.error_description ?? failure.error}`;
  }
  if (failure instanceof oauth.ResponseBodyError) {
    return `换取登录凭据失败：${failure.error_description ?? failure.error}`;
  }
  return failure instanceof Error ? failure.message : '登录失败';
}

/**
 * Where the identity provider sends the browser back (`/auth/callback?code=…&state=…`): exchanges
 * the code for the tokens, starts the session as the development sign-in does, and goes on to
 * the page the person wanted.
 */
export default function OidcCallbackPage() {
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    exchange(new URL(window.location.href))
      .then((tokens) => {
        if (!current) return;
        signIn(tokens.accessToken, tokens.idToken);
        navigate(tokens.returnTo, { replace: true });
      })
      .catch((failure: unknown) => current && setError(reasonOf(failure)));
    return () => {
      current = false;
    };
  }, [navigate, signIn]);

  return (
    <main style={{ maxWidth: 560, margin: '48px auto', padding: 16 }}>
      {error ? (
        <Alert
          type="error"
          showIcon
          title="登录未完成"
          description={error}
          action={<Button onClick={() => navigate('/sign-in', { replace: true })}>重新登录</Button>}
        />
      ) : (
        <Spin tip="正在登录…" size="large">
          <div style={{ height: 96 }} />
        </Spin>
      )}
    </main>
  );
}
