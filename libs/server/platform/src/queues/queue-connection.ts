import { createPostgresBackend, setDefaultBackendFactory, type QueueOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

/**
 * BullMQ connection options for the configured backend. Redis in production; in embedded mode
 * BullMQ's PostgreSQL backend (made the process-wide default here, so @nestjs/bullmq's queues and
 * workers use it unchanged).
 */
export function queueOptions(config: AppConfig): QueueOptions {
  if (config.QUEUE_BACKEND === 'postgres') {
    setDefaultBackendFactory(createPostgresBackend as never);
    // `migrate: true`: BullMQ creates or upgrades its tables on connect (an advisory lock serialises
    // concurrent starters); without it a fresh database refuses with SchemaMigrationRequiredError.
    // `prefix` is a Redis keyspace notion: this backend namespaces by schema, kept `public` for PGlite.
    return {
      connection: { connectionString: config.QUEUE_DATABASE_URL, schema: 'public', migrate: true } as never,
      prefix: config.QUEUE_PREFIX,
    };
  }
  setDefaultBackendFactory();
  const url = new URL(config.REDIS_URL!);
  return {
    prefix: config.QUEUE_PREFIX,
    connection: {
      host: url.hostname,
      port: Number(url.port || 6379),
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      tls: url.protocol === 'rediss:' ? {} : undefined,
      // Workers need blocking commands without a retry cap; producers fail fast via enableOfflineQueue.
      maxRetriesPerRequest: null,
    },
  };
}
