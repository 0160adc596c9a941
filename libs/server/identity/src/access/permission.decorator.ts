import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Action, Actor } from '@eclore/domain';

export const PERMISSION_KEY = 'eclore:permission';

/**
 * What a route requires. Every route declares one (a test walks all routes and fails on a missing
 * declaration; at run time the AccessGuard refuses undeclared routes).
 * - `action`: checked by the guard with the domain policy before the handler runs.
 * - `objectLevel`: the guard only requires a signed-in actor; the handler loads the object and calls
 *   `AccessService.assert(actor, action, ctx)` with the object's scope/authorship/state.
 * - `public`: no sign-in needed (health, login, OIDC callback).
 */
export type PermissionSpec = { kind: 'action'; action: Action; objectLevel: boolean } | { kind: 'public' };

export const RequirePermission = (action: Action, options: { objectLevel?: boolean } = {}) =>
  SetMetadata<string, PermissionSpec>(PERMISSION_KEY, { kind: 'action', action, objectLevel: options.objectLevel ?? false });

export const PublicRoute = () => SetMetadata<string, PermissionSpec>(PERMISSION_KEY, { kind: 'public' });

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
