import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import {
  clearSession,
  loadSession,
  msUntilExpiry,
  saveSession,
  sessionFromToken,
  type Session,
} from './session';
import { claimDrafts } from '../app/form-drafts';
import { loadConsoleConfig } from './console-config';

interface SessionState {
  session: Session | undefined;
  /** Why the last session ended, shown on the sign-in page. */
  endedBecause: string | undefined;
  /** `idToken` when the identity provider signed the person in. */
  signIn(token: string, idToken?: string): void;
  /**
   * Ends the session. With a reason (expiry, the gateway refusing the token) the sign-in page
   * shows it; without one the person chose to leave, and with the provider's sign-in the
   * provider's session ends too.
   */
  signOut(reason?: string): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => {
    const stored = loadSession();
    if (stored) claimDrafts(sessionStorage, stored.claims.sub);
    return stored;
  });
  const [endedBecause, setEndedBecause] = useState<string>();
  const idToken = useRef(session?.idToken);
  idToken.current = session?.idToken;

  const signIn = useCallback((token: string, newIdToken?: string) => {
    const next = sessionFromToken(token, newIdToken);
    if (!next) throw new Error('登录凭据无效');
    claimDrafts(sessionStorage, next.claims.sub);
    saveSession(next);
    setEndedBecause(undefined);
    setSession(next);
  }, []);
  const signOut = useCallback((reason?: string) => {
    const endedIdToken = idToken.current;
    clearSession();
    setEndedBecause(reason);
    setSession(undefined);
    if (reason !== undefined || endedIdToken === undefined) return;
    void loadConsoleConfig()
      .then(async (config) => {
        if (config.signIn.mode !== 'oidc') return undefined;
        const { oidcSignOutUrl } = await import('./oidc-sign-in');
        return oidcSignOutUrl(config.signIn, {
          idToken: endedIdToken,
          afterSignOut: `${window.location.origin}/sign-in`,
        });
      })
      // The console's session has ended either way; the provider's may outlive it if unreachable.
      .then((url) => url && window.location.assign(url))
      .catch(() => undefined);
  }, []);

  // The session ends on its own when the token runs out, not at the next failing request.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(
      () => signOut('登录已过期，请重新登录'),
      Math.max(0, Math.min(msUntilExpiry(session), 2 ** 31 - 1)),
    );
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const value = useMemo(
    () => ({ session, endedBecause, signIn, signOut }),
    [session, endedBecause, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in session; only for pages behind the sign-in guard. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
