import type { ApiError } from '@eclore/api-client';

export type ServiceState = 'up' | 'down' | 'unknown';

export interface PlatformStatus {
  api: ServiceState;
  database: ServiceState;
  queue: ServiceState;
  summary: 'checking' | 'allUp' | 'someDown' | 'unreachable';
}

interface QueryResult<T> {
  data: T | undefined;
  error: ApiError | null;
}

type Details = Record<string, { status?: unknown } | undefined>;

function asDetails(value: unknown): Details | undefined {
  return typeof value === 'object' && value !== null ? (value as Details) : undefined;
}

function stateOf(entry: { status?: unknown } | undefined): ServiceState {
  if (!entry) return 'unknown';
  return entry.status === 'up' ? 'up' : 'down';
}

/**
 * Reads GET /api/health and GET /api/ready into one state per service. A 503 from /ready is a
 * problem document whose `details` still names each dependency, so a down database is shown as
 * down, not as unknown. The queue backend is Redis (`redis`) or PostgreSQL (`queue`).
 */
export function platformStatus(
  health: QueryResult<unknown>,
  readiness: QueryResult<{ details?: unknown }>,
): PlatformStatus {
  const details = asDetails(readiness.data?.details) ?? asDetails(readiness.error?.extensions['details']);
  const api: ServiceState = health.data !== undefined ? 'up' : health.error ? 'down' : 'unknown';
  const database = stateOf(details?.['database']);
  const queue = stateOf(details?.['redis'] ?? details?.['queue']);

  let summary: PlatformStatus['summary'];
  if (health.error && health.error.status === 0) summary = 'unreachable';
  else if (api === 'up' && database === 'up' && queue === 'up') summary = 'allUp';
  else if (api === 'down' || database === 'down' || queue === 'down' || readiness.error) summary = 'someDown';
  else summary = 'checking';
  return { api, database, queue, summary };
}
