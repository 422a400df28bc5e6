/**
 * The signed-in person: the gateway's JWT and the claims it carries. Kept in localStorage so a
 * reload (or a second tab) stays signed in; dropped when it expires or the gateway refuses it.
 * The claims are read, not verified: the gateway and every subgraph verify the token; the console
 * only uses them to greet the person and shape its menus.
 */
export interface SessionClaims {
  sub: string;
  name: string;
  divisionId: string | null;
  officeId: string;
  roles: string[];
  clearance: string;
  /** Seconds since the epoch. */
  exp: number;
}

export interface Session {
  token: string;
  /** From the identity provider's sign-in: names the person when signing out there too. */
  idToken?: string;
  claims: SessionClaims;
}

const STORAGE_KEY = 'heli.session';
const ID_TOKEN_KEY = 'heli.session.id-token';

/** The claims of a JWT, or undefined when it is not one or carries no expiry. */
export function decodeClaims(token: string): SessionClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = new TextDecoder().decode(
      Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    );
    const claims = JSON.parse(json) as Partial<SessionClaims>;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return undefined;
    return {
      sub: claims.sub,
      name: claims.name ?? claims.sub,
      divisionId: claims.divisionId ?? null,
      officeId: claims.officeId ?? '',
      roles: Array.isArray(claims.roles) ? claims.roles : [],
      clearance: claims.clearance ?? 'PUBLIC',
      exp: claims.exp,
    };
  } catch {
    return undefined;
  }
}

/** Milliseconds until the session must end; ≤ 0 once it has. A minute early, so no request races it. */
export function msUntilExpiry(session: Session, now = Date.now()): number {
  return session.claims.exp * 1000 - 60_000 - now;
}

export function sessionFromToken(token: string, idToken?: string): Session | undefined {
  const claims = decodeClaims(token);
  if (!claims) return undefined;
  return idToken === undefined ? { token, claims } : { token, idToken, claims };
}

export function loadSession(
  storage: Storage = localStorage,
  now = Date.now(),
): Session | undefined {
  const token = storage.getItem(STORAGE_KEY);
  const session = token
    ? sessionFromToken(token, storage.getItem(ID_TOKEN_KEY) ?? undefined)
    : undefined;
  if (!session || msUntilExpiry(session, now) <= 0) {
    clearSession(storage);
    return undefined;
  }
  return session;
}

export function saveSession(session: Session, storage: Storage = localStorage): void {
  storage.setItem(STORAGE_KEY, session.token);
  if (session.idToken === undefined) storage.removeItem(ID_TOKEN_KEY);
  else storage.setItem(ID_TOKEN_KEY, session.idToken);
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(STORAGE_KEY);
  storage.removeItem(ID_TOKEN_KEY);
}

const LEADERSHIP_ROLES = ['COMMITTEE_LEADER', 'OFFICE_LEADER'];

export const isLeadership = (claims: SessionClaims): boolean =>
  claims.roles.some((role) => LEADERSHIP_ROLES.includes(role));
