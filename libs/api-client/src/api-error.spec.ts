import { ApiError, toApiError } from './api-error';

describe('toApiError', () => {
  it('carries code, status and field errors of a problem+json body', () => {
    const err = toApiError(
      {
        type: 'https://eclore.dev/problems/validation_failed',
        title: 'The request contains invalid fields.',
        status: 400,
        code: 'validation_failed',
        errors: [
          { field: 'title', code: 'isNotEmpty', message: 'title should not be empty' },
          { field: 'phases.1.startsAt', code: 'isDate', message: 'must be a date' },
          { nonsense: true },
        ],
        requestId: 'req-1',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toBeInstanceOf(Error);
    expect(err.status).toBe(400);
    expect(err.code).toBe('validation_failed');
    expect(err.message).toBe('The request contains invalid fields.');
    expect(err.fieldErrors).toHaveLength(2);
    expect(err.errorsFor('title')).toEqual([
      { field: 'title', code: 'isNotEmpty', message: 'title should not be empty' },
    ]);
    expect(err.requestId).toBe('req-1');
  });

  it('keeps the error id of a 500 so it can be quoted', () => {
    const err = toApiError(
      { title: 'An unexpected error occurred.', status: 500, code: 'internal_error', errorId: 'abc' },
      { status: 500, statusText: 'Internal Server Error' },
    );
    expect(err.code).toBe('internal_error');
    expect(err.errorId).toBe('abc');
  });

  it('keeps extension members such as readiness details', () => {
    const details = { database: { status: 'up' }, redis: { status: 'down', message: 'ECONNREFUSED' } };
    const err = toApiError(
      { title: 'A dependency is unavailable.', status: 503, code: 'service_unavailable', details },
      { status: 503, statusText: 'Service Unavailable' },
    );
    expect(err.code).toBe('service_unavailable');
    expect(err.extensions).toEqual({ details });
  });

  it('derives a code from the status when the body is not a problem document', () => {
    const err = toApiError('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    expect(err.status).toBe(502);
    expect(err.code).toBe('bad_gateway');
    expect(err.message).toBe('Bad Gateway');
    expect(err.detail).toBe('<html>Bad gateway</html>');
    expect(err.fieldErrors).toEqual([]);
  });

  it('reports a network failure with status 0', () => {
    const err = toApiError(new TypeError('Failed to fetch'), undefined);
    expect(err.status).toBe(0);
    expect(err.code).toBe('network_error');
  });

  it('reports an aborted request as such', () => {
    const abort = new Error('The operation was aborted.');
    abort.name = 'AbortError';
    expect(toApiError(abort, undefined).code).toBe('aborted');
  });

  it('leaves an ApiError untouched', () => {
    const original = new ApiError({ status: 404, code: 'idea_not_found', title: 'Idea was not found.' });
    expect(toApiError(original, { status: 404, statusText: '' })).toBe(original);
  });
});
