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
    const where: Where = {
      instance: req.originalUrl ?? req.url,
      requestId: req.id === undefined ? undefined : String(req.id),
    };
    if (exception instanceof DomainError) {
      const fields = exception.fields.length ? { errors: [...exception.fields] } : {};
      return problem(exception.code, exception.message, STATUS_OF_ERROR_KIND[exception.kind], where, fields);
    }
    return (
      (exception instanceof HttpException ? fromHttpException(exception, where) : undefined) ??
      fromBodyParser(exception, where) ??
      this.fromDataError(exception, where) ??
      this.unexpected(exception, where)
    );
  }

  /**
   * Safety net: validation should have refused the value with its field named. Logged as an error
   * so the missing check gets fixed, but the client did send bad data: a 400, not a 500.
   */
  private fromDataError(exception: unknown, where: Where): ProblemDocument | undefined {
    const dataError = postgresDataError(exception);
    if (!dataError) return undefined;
    const errorId = randomUUID();
    this.logger.error(
      { err: exception, errorId, requestId: where.requestId, sqlState: dataError },
      `Unvalidated bad input reached PostgreSQL ${errorId}`,
    );
    return problem('invalid_value', 'A value in the request is not valid.', 400, where, {
      detail: `Quote error id ${errorId} if you think this value is valid.`,
      errorId,
    });
  }

  private unexpected(exception: unknown, where: Where): ProblemDocument {
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId, requestId: where.requestId }, `Unexpected error ${errorId}`);
    return problem('internal_error', 'An unexpected error occurred.', HttpStatus.INTERNAL_SERVER_ERROR, where, {
      detail: `Quote error id ${errorId} when reporting this problem.`,
      errorId,
    });
  }
}

/** The request a problem answers. */
interface Where {
  instance: string;
  requestId: string | undefined;
}

function problem(
  code: string,
  title: string,
  status: number,
  where: Where,
  extra: Pick<ProblemDocument, 'detail' | 'errors' | 'errorId' | 'details'> = {},
): ProblemDocument {
  return { type: `https://eclore.dev/problems/${code}`, title, status, code, ...extra, ...where };
}

/** Nest's own HTTP exceptions (a malformed body, readiness, guards and pipes); a 5xx is left to the caller. */
function fromHttpException(exception: HttpException, where: Where): ProblemDocument | undefined {
  const status = exception.getStatus();
  const cause = (exception as { cause?: unknown }).cause;
  const body = exception.getResponse();
  if (
    status === 400 &&
    (cause instanceof SyntaxError ||
      (cause as { type?: unknown })?.type === 'entity.parse.failed' ||
      /JSON/.test(exception.message))
  ) {
    return problem('malformed_body', 'The request body is not valid JSON.', status, where, {
      detail: exception.message,
    });
  }
  if (status === 503) {
    // Readiness: keep terminus' per-dependency details so an operator sees what is down.
    const details = typeof body === 'object' && body !== null ? (body as { details?: unknown }).details : undefined;
    return problem('service_unavailable', 'A dependency is unavailable.', status, where, details ? { details } : {});
  }
  if (status >= 500) return undefined;
  const detail =
    typeof body === 'string'
      ? body
      : Array.isArray((body as { message?: unknown }).message)
        ? (body as { message: string[] }).message.join('; ')
        : String((body as { message?: unknown }).message ?? exception.message);
  return problem(ERROR_CODE_OF_STATUS[status] ?? 'client_error', exception.message, status, where, { detail });
}

/** Body-parser failures (malformed JSON, too large) are client errors, not crashes. */
function fromBodyParser(exception: unknown, where: Where): ProblemDocument | undefined {
  const { status, type } = (exception ?? {}) as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof type !== 'string') return undefined;
  return problem(
    status === 413 ? 'payload_too_large' : 'malformed_body',
    'The request body could not be read.',
    status,
    where,
    { detail: (exception as Error).message },
  );
}
