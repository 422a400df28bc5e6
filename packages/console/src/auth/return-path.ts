/**
 * Where to go after signing in. Only a path of this site: a crafted `?next=` (or a tampered
 * pending sign-in) must not send the person to another origin — `//evil.example` and `/\evil`
 * are protocol-relative to a browser, so they are refused too.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // The sign-in pages themselves are no place to return to.
  if (next.startsWith('/sign-in') || next.startsWith('/auth/callback')) return '/';
  return next;
}
