import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Action, Actor } from '@eclore/domain';

export const PERMISSION_KEY = 'eclore:permission';

/**
 * What a route requires. Every route declares one (a test walks all routes and fails on a missing
 * declaration; at run time the AccessGuard refuses undeclared routes).
 * - `action`: checked by the guard with the domain policy before the handler runs.
 * - `objectLevel`: the guard only requires a signed-in actor; the handler loads the object and calls
 *   `AccessService.assert(actor, action, ctx)` with the object's scope/authorship/state.
 * - `public`: no sign-in needed (health, login, OIDC callback). `tokenAuthorised`: the request carries
 *   its own authority (an unguessable token from an e-mail); no session is read and no Origin or CSRF
 *   check applies, so a mail client's one-click POST (RFC 8058) works. A forger without the token
 *   gains nothing, and nothing on such a route may act as the signed-in person.
 */
export type PermissionSpec =
  | { kind: 'action'; action: Action; objectLevel: boolean }
  | { kind: 'public'; tokenAuthorised?: boolean };

export const RequirePermission = (action: Action, options: { objectLevel?: boolean } = {}) =>
  SetMetadata<string, PermissionSpec>(PERMISSION_KEY, { kind: 'action', action, objectLevel: options.objectLevel ?? false });

export const PublicRoute = (options: { tokenAuthorised?: boolean } = {}) =>
  SetMetadata<string, PermissionSpec>(
    PERMISSION_KEY,
    options.tokenAuthorised ? { kind: 'public', tokenAuthorised: true } : { kind: 'public' },
  );

/** The request as the access layer leaves it. */
export interface AuthenticatedRequestState {
  actor?: Actor | null;
  sessionTokenHash?: string | null;
}

/** The signed-in actor (null on public routes for visitors). */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor | null => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequestState>();
  return req.actor ?? null;
});
