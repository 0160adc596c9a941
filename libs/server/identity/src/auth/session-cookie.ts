import { parse as parseCookies, serialize } from 'cookie';
import type { Request, Response } from 'express';
import type { AppConfig } from '@eclore/server-platform';

/** The cookie's name over plain http (local runs, tests); behind https it takes the `__Host-` prefix. */
export const SESSION_COOKIE = 'eclore_session';

/** Secure only behind https: a plain-http PUBLIC_URL (local runs, tests) would never get the cookie back. */
export function isSecure(config: AppConfig): boolean {
  return new URL(config.PUBLIC_URL).protocol === 'https:';
}

/**
 * `__Host-eclore_session` behind https: the browser then accepts the cookie only if it is Secure,
 * Path=/ and has no Domain, so no sibling sub-domain (or a plain-http page) can plant or shadow it.
 * Browsers refuse the prefix on plain http, hence the bare name there.
 */
export function sessionCookieName(config: AppConfig): string {
  return isSecure(config) ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  return parseCookies(header)[name];
}

/**
 * HttpOnly (no script can read it), SameSite=Lax (not sent on cross-site sub-requests, still sent on the
 * top-level redirect back from the identity provider), Path=/. No Max-Age: the server decides expiry.
 */
export function setSessionCookie(res: Response, config: AppConfig, token: string): void {
  appendSetCookie(
    res,
    serialize(sessionCookieName(config), token, { httpOnly: true, sameSite: 'lax', secure: isSecure(config), path: '/' }),
  );
}

export function clearSessionCookie(res: Response, config: AppConfig): void {
  appendSetCookie(
    res,
    serialize(sessionCookieName(config), '', {
      httpOnly: true,
      sameSite: 'lax',
      secure: isSecure(config),
      path: '/',
      expires: new Date(0),
    }),
  );
}

/** Adds a Set-Cookie line without dropping those already set in this response. */
export function appendSetCookie(res: Response, line: string): void {
  const existing = res.getHeader('set-cookie');
  const lines = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader('set-cookie', [...lines, line]);
}
