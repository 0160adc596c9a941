/** One offending field of a validation failure, as the API's problem+json `errors` lists it. */
export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * Every failed call of the generated client rejects with an ApiError: the API's
 * application/problem+json (RFC 9457) body made typed, so screens branch on `code` and
 * translate per field `code` instead of parsing English messages.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when no response arrived (network down, request aborted). */
  readonly status: number;
  /** Stable machine-readable code, e.g. `validation_failed`, `idea_not_found`, `network_error`. */
  readonly code: string;
  readonly fieldErrors: readonly ApiFieldError[];
  readonly detail: string | undefined;
  /** For a 500: the id written in the server log, to quote to support. */
  readonly errorId: string | undefined;
  readonly requestId: string | undefined;
  /** Any other member of the problem document (RFC 9457 extension members), e.g. readiness `details`. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    fieldErrors?: readonly ApiFieldError[];
    errorId?: string;
    requestId?: string;
    extensions?: Readonly<Record<string, unknown>>;
  }) {
    super(init.title);
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.errorId = init.errorId;
    this.requestId = init.requestId;
    this.extensions = init.extensions ?? {};
  }

  /** The errors reported for one field (dotted path, e.g. `phases.1.startsAt`). */
  errorsFor(field: string): readonly ApiFieldError[] {
    return this.fieldErrors.filter((e) => e.field === field);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

const FALLBACK_CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
};

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

const STANDARD_MEMBERS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'errors',
  'errorId',
  'requestId',
]);

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function toFieldErrors(value: unknown): ApiFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const rec = asRecord(item);
    if (!rec || typeof rec['field'] !== 'string') return [];
    return [
      {
        field: rec['field'],
        code: optionalString(rec['code']) ?? 'invalid',
        message: optionalString(rec['message']) ?? '',
      },
    ];
  });
}

/**
 * Turns whatever the fetch client caught into an ApiError: a parsed problem document, a body that
 * is not one (a proxy's HTML page), or a thrown network error when there is no response at all.
 */
export function toApiError(error: unknown, response: Pick<Response, 'status' | 'statusText'> | undefined): ApiError {
  if (error instanceof ApiError) return error;
  if (!response) {
    const aborted = error instanceof Error && error.name === 'AbortError';
    return new ApiError({
      status: 0,
      code: aborted ? 'aborted' : 'network_error',
      title: error instanceof Error ? error.message : 'The server could not be reached.',
    });
  }
  const problem = asRecord(error);
  const status = typeof problem?.['status'] === 'number' ? problem['status'] : response.status;
  const code =
    optionalString(problem?.['code']) ??
    FALLBACK_CODE_BY_STATUS[status] ??
    (status >= 500 ? 'server_error' : 'client_error');
  const title = optionalString(problem?.['title']) ?? (response.statusText || `HTTP ${status}`);
  return new ApiError({
    status,
    code,
    title,
    detail:
      optionalString(problem?.['detail']) ?? (typeof error === 'string' && error ? error.slice(0, 500) : undefined),
    fieldErrors: toFieldErrors(problem?.['errors']),
    errorId: optionalString(problem?.['errorId']),
    requestId: optionalString(problem?.['requestId']),
    extensions: Object.fromEntries(Object.entries(problem ?? {}).filter(([key]) => !STANDARD_MEMBERS.has(key))),
  });
}
