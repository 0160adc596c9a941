import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@eclore/domain';

// The declaration lives in platform's HTTP kit (the `@Endpoint` decorator carries it); one key.
export { PERMISSION_KEY, PublicRoute, RequirePermission, type PermissionSpec } from '@eclore/server-platform';

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
