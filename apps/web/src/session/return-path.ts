/**
 * The address to come back to after signing in: path, query and hash, so an e-mail's link to
 * `/ideas/<id>#comment-<cid>` still lands on the comment after the detour through the sign-in page.
 */
export function returnPathOf(location: { pathname: string; search: string; hash: string }): string {
  return `${location.pathname}${location.search}${location.hash}`;
}

/**
 * Where to go after signing in: only a path of this site (never `//host` or `https://…`, which would
 * make the sign-in page an open redirect). The query and the hash are kept.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\s\\]/.test(value)) return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value;
}
