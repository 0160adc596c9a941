import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { RequirePermission } from '@eclore/server-identity';
import { AppModule } from '../app.module';
import { listRoutes, type RouteInfo } from './routes';

/**
 * Every route of the API declares its permission (@RequirePermission or @PublicRoute). The guard
 * refuses undeclared routes at run time; this test catches them before they ship. Nest's preview mode
 * reads the module graph without instantiating anything (no database, no Redis).
 */
describe('route permission declarations', () => {
  let app: INestApplication;
  let routes: RouteInfo[];
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
    routes = listRoutes(app);
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('finds the routes of the module graph', () => {
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['GET /api/health', 'GET /api/session', 'POST /api/auth/login']),
    );
  });

  it('finds no route without a permission declaration', () => {
    expect(routes.filter((r) => !r.permission).map((r) => `${r.key} (${r.handler})`)).toEqual([]);
  });

  it('keeps public routes to the known few', () => {
    expect(routes.filter((r) => r.permission?.kind === 'public').map((r) => r.key)).toEqual([
      'GET /api/auth/methods',
      'GET /api/auth/oidc/callback',
      'GET /api/auth/oidc/start',
      'GET /api/health',
      // The e-mails' unsubscribe link (GET asks, POST acts): authorised by its opaque token, not a session.
      'GET /api/notifications/unsubscribe',
      'GET /api/ready',
      // The annual report's files: authorised by the link's HMAC signature and expiry, not a session.
      'GET /api/recognition/annual-reports/:id/files/:kind',
      // "Who am I?": the person, or 204 for a visitor (a 401 would be a console error on every signed-out page).
      'GET /api/session',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/notifications/unsubscribe',
    ]);
  });

  it('would list a route that declares nothing (the check can fail)', async () => {
    @Controller('probe')
    class ProbeController {
      @Get('declared')
      @RequirePermission('session.read')
      declared() {
        return null;
      }
      @Get('forgotten')
      forgotten() {
        return null;
      }
    }
    @Module({ controllers: [ProbeController] })
    class ProbeModule {}
    const probe = await NestFactory.create(ProbeModule, { preview: true, logger: false, abortOnError: false });
    try {
      expect(
        listRoutes(probe)
          .filter((r) => !r.permission)
          .map((r) => r.key),
      ).toEqual(['GET /api/probe/forgotten']);
    } finally {
      await probe.close();
    }
  });
});
