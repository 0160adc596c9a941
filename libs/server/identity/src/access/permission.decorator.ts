import { createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { createValidationPipe, IdParamDto } from '@eclore/server-platform';

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

/** Who calls an object-scoped route (`…/:id`) and on which object: `@ActorOn() on` → `on.actor`, `on.id`. */
export interface ActorOn {
  actor: Actor;
  id: string;
}

const idPipe = createValidationPipe();

/** `:id` validated by the same pipe, class and options as `@Param() params: IdParamDto` (same 400). */
class ActorOnPipe implements PipeTransform<{ actor: Actor; params: unknown }, Promise<ActorOn>> {
  async transform(value: { actor: Actor; params: unknown }): Promise<ActorOn> {
    const params = (await idPipe.transform(value.params, { type: 'param', metatype: IdParamDto })) as IdParamDto;
    return { actor: value.actor, id: params.id };
  }
}

/** Documents `:id` as `@Param() params: IdParamDto` does (swagger reads no custom parameter). */
function documentsId(target: object, key: string | symbol | undefined): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
  ApiParam({ name: 'id', required: true, schema: { format: 'uuid', type: 'string' } })(target, key!, descriptor);
}

const ActorOnArg = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext) => {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequestState & { params: unknown }>();
    return { actor: req.actor ?? null, params: req.params };
  },
  [documentsId],
);

/**
 * The two arguments every object-scoped handler takes, `@CurrentActor() actor: Actor` and
 * `@Param() params: IdParamDto`, as one: the same actor, the same validated and documented `:id`.
 */
export const ActorOn = (): ParameterDecorator => ActorOnArg(new ActorOnPipe());
