import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError, ERROR_CODE_OF_STATUS, STATUS_OF_ERROR_KIND } from '@eclore/domain';
import { PROBLEM_CONTENT_TYPE, type ProblemDocument } from './problem';

/**
 * PostgreSQL's SQLSTATE class 22 ("data exception": 22P02 invalid text representation, 22021 bad
 * byte sequence, 22008 datetime overflow, 22003 numeric out of range, …) when a query failed on a
 * value the client sent; undefined for anything else.
 */
export function postgresDataError(exception: unknown): string | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const driver = (exception as { driverError?: { code?: unknown } }).driverError;
  const code = driver?.code ?? (exception as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) ? code : undefined;
}

/**
 * The single exception filter: every error leaves the API as `application/problem+json` with a
 * stable `code`. Unexpected errors become a 500 whose `errorId` is also logged with the stack, so
 * support can find it; their internals never reach the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { id?: string | number }>();
    const problem = this.toProblem(exception, req);
    if (res.headersSent) return;
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  toProblem(exception: unknown, req: Request & { id?: string | number }): ProblemDocument {
    const requestId = req.id === undefined ? undefined : String(req.id);
    const instance = req.originalUrl ?? req.url;
    if (exception instanceof DomainError) {
      const status = STATUS_OF_ERROR_KIND[exception.kind];
      return {
        type: `https://eclore.dev/problems/${exception.code}`,
        title: exception.message,
        status,
        code: exception.code,
        instance,
        requestId,
        ...(exception.fields.length ? { errors: [...exception.fields] } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const cause = (exception as { cause?: unknown }).cause;
      if (status === 400 && (cause instanceof SyntaxError || (cause as { type?: unknown })?.type === 'entity.parse.failed' || /JSON/.test(exception.message))) {
        return { type: 'https://eclore.dev/problems/malformed_body', title: 'The request body is not valid JSON.', status, code: 'malformed_body', detail: exception.message, instance, requestId };
      }
      if (status === 503) {
        // Readiness: keep terminus' per-dependency details so an operator sees what is down.
        const body = exception.getResponse();
        const details = typeof body === 'object' && body !== null ? (body as { details?: unknown }).details : undefined;
        return { type: 'https://eclore.dev/problems/service_unavailable', title: 'A dependency is unavailable.', status, code: 'service_unavailable', instance, requestId, ...(details ? { details } : {}) };
      }
      if (status < 500) {
        const body = exception.getResponse();
        const detail =
          typeof body === 'string'
            ? body
            : Array.isArray((body as { message?: unknown }).message)
              ? ((body as { message: string[] }).message.join('; '))
              : String((body as { message?: unknown }).message ?? exception.message);
        const code = ERROR_CODE_OF_STATUS[status] ?? 'client_error';
        return { type: `https://eclore.dev/problems/${code}`, title: exception.message, status, code, detail, instance, requestId };
      }
    }
    // Body-parser failures (malformed JSON, too large) are client errors, not crashes.
    const bodyParserStatus = (exception as { status?: unknown; type?: unknown })?.status;
    if (typeof bodyParserStatus === 'number' && bodyParserStatus >= 400 && bodyParserStatus < 500 && typeof (exception as { type?: unknown }).type === 'string') {
      const code = bodyParserStatus === 413 ? 'payload_too_large' : 'malformed_body';
      return { type: `https://eclore.dev/problems/${code}`, title: 'The request body could not be read.', status: bodyParserStatus, code, detail: (exception as Error).message, instance, requestId };
    }
    const dataError = postgresDataError(exception);
    if (dataError) {
      // Safety net: validation should have refused the value with its field named. Logged as an
      // error so the missing check gets fixed, but the client did send bad data: a 400, not a 500.
      const errorId = randomUUID();
      this.logger.error({ err: exception, errorId, requestId, sqlState: dataError }, `Unvalidated bad input reached PostgreSQL ${errorId}`);
      return {
        type: 'https://eclore.dev/problems/invalid_value',
        title: 'A value in the request is not valid.',
        status: 400,
        code: 'invalid_value',
        detail: `Quote error id ${errorId} if you think this value is valid.`,
        errorId,
        instance,
        requestId,
      };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId, requestId }, `Unexpected error ${errorId}`);
    return {
      type: 'https://eclore.dev/problems/internal_error',
      title: 'An unexpected error occurred.',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal_error',
      detail: `Quote error id ${errorId} when reporting this problem.`,
      errorId,
      instance,
      requestId,
    };
  }
}
