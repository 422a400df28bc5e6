import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
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

interface SessionState {
  session: Session | undefined;
  /** Why the last session ended, shown on the sign-in page. */
  endedBecause: string | undefined;
  signIn(token: string): void;
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

  const signIn = useCallback((token: string) => {
    const next = sessionFromToken(token);
    if (!next) throw new Error('登录凭据无效');
    claimDrafts(sessionStorage, next.claims.sub);
    saveSession(next);
    setEndedBecause(undefined);
    setSession(next);
  }, []);
  const signOut = useCallback((reason?: string) => {
    clearSession();
    setEndedBecause(reason);
    setSession(undefined);
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
