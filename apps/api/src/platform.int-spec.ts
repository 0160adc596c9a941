import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { TEST_REDIS_URL } from '../../../test/services';
import { createApiTestContext, type ApiTestContext } from '../../../test/harness/api-context';

/** The real application, against a fresh migrated database and the real Redis. */
describe('api platform: health, readiness, contract, errors', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'api', env: { PUBLIC_URL: undefined } });
    app = ctx.app;
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('answers liveness', async () => {
    const res = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports PostgreSQL and Redis up when both answer', async () => {
    const res = await request(app.getHttpServer()).get('/api/ready').expect(200);
    expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('echoes a well-formed upstream request id and mints one otherwise', async () => {
    const given = await request(app.getHttpServer()).get('/api/health').set('x-request-id', 'lb-1234');
    expect(given.headers['x-request-id']).toBe('lb-1234');
    const forged = await request(app.getHttpServer()).get('/api/health').set('x-request-id', 'bad id with spaces');
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const doc = await request(app.getHttpServer()).get('/api/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/ready']));
    expect(doc.body.paths['/api/health'].get.operationId).toBe('getHealth');
    const ui = await request(app.getHttpServer()).get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers an unknown API route with problem+json', async () => {
    const res = await request(app.getHttpServer()).get('/api/does-not-exist').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'not_found', instance: '/api/does-not-exist' });
  });
});

describe('api platform: readiness when Redis is down', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;

  beforeAll(async () => {
    // Nothing listens on this port: the queue check must time out into a 503, not hang.
    ctx = await createApiTestContext({
      label: 'apinoredis',
      env: { REDIS_URL: 'redis://127.0.0.1:6399', PUBLIC_URL: undefined },
    });
    app = ctx.app;
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('answers 503 naming redis as down while the database is up', async () => {
    const res = await request(app.getHttpServer()).get('/api/ready').expect(503);
    expect(res.body.details.database).toEqual({ status: 'up' });
    expect(res.body.details.redis.status).toBe('down');
  });
});

describe('configuration is validated once, at boot', () => {
  const main = join(__dirname, '../../../dist/server/apps/api/src/main.js');

  it('refuses to start and names the variable when one is missing or bad', () => {
    expect(existsSync(main)).toBe(true);
    const env = { PATH: process.env['PATH'], PORT: 'eighty', REDIS_URL: TEST_REDIS_URL };
    const result = spawnSync(process.execPath, [main], { env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toContain('PORT');
  });
});
