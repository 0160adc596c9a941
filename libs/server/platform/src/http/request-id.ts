import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The request id pino-http gave this request (echoed in X-Request-Id), for the audit log. */
export function requestIdOf(req: { id?: string | number }): string | null {
  return req.id === undefined ? null : String(req.id);
}

/** `requestIdOf` as a handler argument. */
export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null =>
  requestIdOf(ctx.switchToHttp().getRequest<{ id?: string | number }>()),
);
