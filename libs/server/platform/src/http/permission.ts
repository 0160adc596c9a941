import { SetMetadata } from '@nestjs/common';
import type { Action } from '@eclore/domain';

/**
 * The permission a route declares, read by identity's AccessGuard. It lives in platform so the
 * composed `@Endpoint` decorator can carry it; identity re-exports it.
 */
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
