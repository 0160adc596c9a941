import { createParamDecorator, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { createValidationPipe, IdParamDto, requestIdOf } from '@eclore/server-platform';

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

/** A command's call: who makes it and the request id its audit entries carry. `@Call() call: Call`. */
export interface Call {
  actor: Actor;
  requestId: string | null;
}

/** The same on one object (`…/:id`): `@CallOn() call: CallOn` → `call.actor`, `call.id`, `call.requestId`. */
export interface CallOn extends Call {
  id: string;
}

type CallRequest = AuthenticatedRequestState & { id?: string | number; params: unknown };

const callOf = (ctx: ExecutionContext): Call & { params: unknown } => {
  const req = ctx.switchToHttp().getRequest<CallRequest>();
  return { actor: (req.actor ?? null) as Actor, requestId: requestIdOf(req), params: req.params };
};

/**
 * What a command handler took as `@CurrentActor() actor: Actor` and `@RequestId() requestId`, as one
 * argument (the same values).
 */
export const Call = createParamDecorator((_data: unknown, ctx: ExecutionContext): Call => {
  const { actor, requestId } = callOf(ctx);
  return { actor, requestId };
});

const idPipe = createValidationPipe();

/** `:id` validated by the same pipe, class and options as `@Param() params: IdParamDto` (same 400). */
class CallOnPipe implements PipeTransform<Call & { params: unknown }, Promise<CallOn>> {
  async transform({ actor, requestId, params }: Call & { params: unknown }): Promise<CallOn> {
    const valid = (await idPipe.transform(params, { type: 'param', metatype: IdParamDto })) as IdParamDto;
    return { actor, id: valid.id, requestId };
  }
}

/** Documents `:id` as `@Param() params: IdParamDto` does (swagger reads no custom parameter). */
function documentsId(target: object, key: string | symbol | undefined): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key!)!;
  ApiParam({ name: 'id', required: true, schema: { format: 'uuid', type: 'string' } })(target, key!, descriptor);
}

const CallOnArg = createParamDecorator((_data: unknown, ctx: ExecutionContext) => callOf(ctx), [documentsId]);

/**
 * What every handler on one object took as three arguments, `@CurrentActor() actor: Actor`,
 * `@Param() params: IdParamDto` and (commands) `@RequestId() requestId`, as one: the same actor and
 * request id, the same validated and documented `:id`.
 */
export const CallOn = (): ParameterDecorator => CallOnArg(new CallOnPipe());
