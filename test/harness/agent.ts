// The one way tests sign in over HTTP: through the real login route, then the session's CSRF token,
// which `send` puts on every state-changing request as the web client does.
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SESSION_COOKIE, SessionService } from '@eclore/server-identity';

export type Agent = ReturnType<typeof request.agent>;
export type WriteMethod = 'post' | 'put' | 'patch' | 'delete';

export interface SignedIn {
  /** The cookie jar: plain GETs and anything `send` does not cover. */
  agent: Agent;
  csrfToken: string;
  /** The `eclore_session=…` pair, for tests that replay or inspect the cookie. */
  cookie: string;
  personId: string;
  /** A state-changing request with the session's CSRF token. */
  send: (method: WriteMethod, path: string, body?: object) => request.Test;
  get: (path: string) => request.Test;
}

export interface SignInOptions {
  /** The client address, sent as X-Forwarded-For (counts only where the app trusts loopback as a proxy). */
  address?: string;
}

/** Signs in through the real login route (204 expected) and reads the session for its CSRF token. */
export async function signIn(
  app: NestExpressApplication,
  email: string,
  password: string,
  options: SignInOptions = {},
): Promise<SignedIn> {
  const agent = request.agent(app.getHttpServer());
  const login = agent.post('/api/auth/login');
  if (options.address) login.set('X-Forwarded-For', options.address);
  const res = await login.send({ email, password }).expect(204);
  const session = await agent.get('/api/session').expect(200);
  const csrfToken = session.body.csrfToken as string;
  return {
    agent,
    csrfToken,
    cookie: sessionCookieOf(res.headers['set-cookie']),
    personId: session.body.person.id as string,
    send: (method, path, body) => {
      const req = agent[method](path).set('X-CSRF-Token', csrfToken);
      return body === undefined ? req : req.send(body);
    },
    get: (path) => agent.get(path),
  };
}

/**
 * A session opened for the person directly (as single sign-on does), for people without a password
 * (directory-only people): the same cookie and CSRF token as after a sign-in.
 */
export async function openSession(app: NestExpressApplication, personId: string): Promise<SignedIn> {
  const { token, session } = await app.get(SessionService).create(personId, 'local');
  const cookie = `${SESSION_COOKIE}=${token}`;
  const agent = request.agent(app.getHttpServer()).set('Cookie', cookie);
  return {
    agent,
    csrfToken: session.csrfToken,
    cookie,
    personId,
    send: (method, path, body) => {
      const req = agent[method](path).set('X-CSRF-Token', session.csrfToken);
      return body === undefined ? req : req.send(body);
    },
    get: (path) => agent.get(path),
  };
}

/** The `eclore_session=…` pair of a response's Set-Cookie lines ('' when absent). */
export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const lines = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  const line = lines.find((l) => l.startsWith('eclore_session='));
  return line ? (line.split(';')[0] ?? '') : '';
}
