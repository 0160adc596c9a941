import { timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Forbidden } from '@eclore/domain';
import { AppConfig } from '@eclore/server-platform';
import { SessionService, type ResolvedSession } from '../auth/session.service';
import { clearSessionCookie, readCookie, sessionCookieName } from '../auth/session-cookie';
import { AccessService, Unauthenticated } from './access.service';
import { PERMISSION_KEY, type AuthenticatedRequestState, type PermissionSpec } from './permission.decorator';

export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the guard leaves on the request for the handlers of this library (session routes, logout). */
export interface AccessRequest extends Request, AuthenticatedRequestState {
  session?: ResolvedSession | null;
}

/** Constant-time comparison of two strings (different lengths compare unequal without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The one gate in front of every controller route (registered as APP_GUARD):
 * 1. a route without a permission declaration is refused (403 `permission_undeclared`) and logged;
 * 2. a state-changing request from a foreign Origin is refused (403 `csrf_failed`), sign-in included;
 * 3. the session cookie is resolved to an Actor (re-read on every request: no cache to go stale);
 * 4. a state-changing request with a session must echo its CSRF token in X-CSRF-Token;
 * 5. the route's declaration is checked: public, signed-in (object level) or the domain policy.
 * A public route authorised by its own token (PublicRoute({ tokenAuthorised: true })) skips 2–4.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');
  private readonly allowedOrigins: ReadonlySet<string>;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly access: AccessService,
    private readonly config: AppConfig,
  ) {
    const extra = (config.TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    this.allowedOrigins = new Set([new URL(config.PUBLIC_URL).origin, ...extra.map((o) => new URL(o).origin)]);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AccessRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const spec = this.reflector.getAllAndOverride<PermissionSpec | undefined>(PERMISSION_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!spec) {
      this.logger.error(
        {
          route: `${req.method} ${req.route?.path ?? req.path}`,
          handler: `${context.getClass().name}.${context.getHandler().name}`,
        },
        'Route refused: it declares no permission',
      );
      throw new Forbidden('permission_undeclared', 'This route declares no permission and is refused.');
    }

    // Authorised by a token in the request itself (one-click unsubscribe): no session, so no CSRF.
    if (spec.kind === 'public' && spec.tokenAuthorised) {
      req.actor = null;
      req.sessionTokenHash = null;
      req.session = null;
      return true;
    }

    const stateChanging = STATE_CHANGING.has(req.method);
    const origin = req.headers.origin;
    if (stateChanging && origin !== undefined && !this.allowedOrigins.has(origin)) {
      throw new Forbidden('csrf_failed', 'The request comes from another site.');
    }

    req.actor = null;
    req.sessionTokenHash = null;
    req.session = null;
    const token = readCookie(req, sessionCookieName(this.config));
    if (token) {
      const resolved = await this.sessions.resolve(token);
      if (typeof resolved === 'string') {
        // Ended, expired or unknown: tell the browser to drop it.
        clearSessionCookie(res, this.config);
      } else {
        req.session = resolved;
        req.actor = resolved.actor;
        req.sessionTokenHash = resolved.session.tokenHash;
      }
    }

    if (stateChanging && req.session) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, req.session.session.csrfToken)) {
        throw new Forbidden('csrf_failed', 'The X-CSRF-Token header is missing or does not match the session.');
      }
    }

    if (spec.kind === 'public') return true;
    if (spec.objectLevel) {
      // The handler asserts with the object's context; here only a signed-in person is required.
      if (!req.actor) throw new Unauthenticated();
      return true;
    }
    this.access.assert(req.actor, spec.action);
    return true;
  }
}
