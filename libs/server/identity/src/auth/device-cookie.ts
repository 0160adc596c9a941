import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { serialize } from 'cookie';
import type { Request, Response } from 'express';
import type { AppConfig } from '@eclore/server-platform';
import { appendSetCookie, isSecure, readCookie } from './session-cookie';

/** A browser stays a known device for this long after its last successful sign-in. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;

/**
 * The device cookie of OWASP's lock-out scheme: `<nonce>.<mac>`, the MAC an HMAC-SHA256 over the
 * person's id and the nonce, keyed with that person's stored password hash. That key is a server-side
 * secret per account (salt and hash never leave the database), so a token is valid for one account
 * only and nobody can mint one without having signed in; and a password change forgets every known
 * device, the attacker's included. Nothing is stored: any api replica checks it.
 */
export function issueDeviceToken(personId: string, passwordHash: string): string {
  const nonce = randomBytes(18).toString('base64url');
  return `${nonce}.${mac(personId, passwordHash, nonce)}`;
}

/** The device's id (its nonce) when the token was issued to this account, otherwise null. */
export function deviceIdOf(token: string | undefined, personId: string, passwordHash: string): string | null {
  if (!token) return null;
  const [nonce, given, extra] = token.split('.');
  if (!nonce || !given || extra !== undefined || !/^[A-Za-z0-9_-]{24}$/.test(nonce)) return null;
  const expected = Buffer.from(mac(personId, passwordHash, nonce));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? nonce : null;
}

function mac(personId: string, passwordHash: string, nonce: string): string {
  return createHmac('sha256', passwordHash).update(`eclore-device:${personId}:${nonce}`).digest('base64url');
}

/** `__Host-` over https, so a sibling subdomain cannot plant or overwrite it. */
export function deviceCookieName(config: AppConfig): string {
  return isSecure(config) ? '__Host-eclore_device' : 'eclore_device';
}

export function readDeviceCookie(req: Request, config: AppConfig): string | undefined {
  return readCookie(req, deviceCookieName(config));
}

/** HttpOnly and SameSite=Strict: only this site's own sign-in form ever sends it. It survives sign-out. */
export function setDeviceCookie(res: Response, config: AppConfig, token: string): void {
  appendSetCookie(
    res,
    serialize(deviceCookieName(config), token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: isSecure(config),
      path: '/',
      maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
    }),
  );
}
