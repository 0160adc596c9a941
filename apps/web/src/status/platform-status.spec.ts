import { ApiError } from '@eclore/api-client';
import { platformStatus } from './platform-status';

const none = { data: undefined, error: null };

describe('platformStatus', () => {
  it('is checking while nothing has answered', () => {
    expect(platformStatus(none, none)).toEqual({
      api: 'unknown',
      database: 'unknown',
      queue: 'unknown',
      summary: 'checking',
    });
  });

  it('reports every service up from a healthy readiness body (Redis backend)', () => {
    const status = platformStatus(
      { data: { status: 'ok' }, error: null },
      { data: { details: { database: { status: 'up' }, redis: { status: 'up' } } }, error: null },
    );
    expect(status).toEqual({ api: 'up', database: 'up', queue: 'up', summary: 'allUp' });
  });

  it('reads the PostgreSQL queue backend too', () => {
    const status = platformStatus(
      { data: { status: 'ok' }, error: null },
      { data: { details: { database: { status: 'up' }, queue: { status: 'up' } } }, error: null },
    );
    expect(status.queue).toBe('up');
  });

  it('names the dependency that is down from a 503 problem document', () => {
    const error = new ApiError({
      status: 503,
      code: 'service_unavailable',
      title: 'A dependency is unavailable.',
      extensions: { details: { database: { status: 'down', message: 'timeout' }, redis: { status: 'up' } } },
    });
    const status = platformStatus({ data: { status: 'ok' }, error: null }, { data: undefined, error });
    expect(status).toEqual({ api: 'up', database: 'down', queue: 'up', summary: 'someDown' });
  });

  it('says the server is unreachable when no response arrives', () => {
    const error = new ApiError({ status: 0, code: 'network_error', title: 'Failed to fetch' });
    const status = platformStatus({ data: undefined, error }, { data: undefined, error });
    expect(status).toEqual({ api: 'down', database: 'unknown', queue: 'unknown', summary: 'unreachable' });
  });

  it('reports a failure without details as down, not as healthy', () => {
    const error = new ApiError({ status: 500, code: 'internal_error', title: 'An unexpected error occurred.' });
    const status = platformStatus({ data: { status: 'ok' }, error: null }, { data: undefined, error });
    expect(status).toEqual({ api: 'up', database: 'unknown', queue: 'unknown', summary: 'someDown' });
  });
});
