import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The request id pino-http gave this request (echoed in X-Request-Id), for the audit log. */
export const RequestId = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | null => {
  const id = ctx.switchToHttp().getRequest<{ id?: string | number }>().id;
  return id === undefined ? null : String(id);
});
