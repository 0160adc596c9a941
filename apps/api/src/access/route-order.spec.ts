import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { PublicRoute } from '@eclore/server-identity';
import { AppModule } from '../app.module';
import { routesInRegistrationOrder, type RouteInfo } from './routes';

/** How Express 5 matches a route path: each `:param` is one whole segment (no pattern can narrow it). */
const matcher = (path: string) =>
  new RegExp(
    `^${path
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}$`,
  );

/** Routes an earlier route of the same verb answers instead (`GET ideas/:id` before `GET ideas/similar`). */
function shadowed(routes: readonly RouteInfo[]): string[] {
  const found: string[] = [];
  routes.forEach((route, i) => {
    const earlier = routes
      .slice(0, i)
      .find((r) => r.method === route.method && r.path !== route.path && matcher(r.path).test(route.path));
    if (earlier) found.push(`${route.key} (${route.handler}) is answered by ${earlier.key} (${earlier.handler})`);
  });
  return found;
}

async function previewRoutes(module: unknown): Promise<{ app: INestApplication; routes: RouteInfo[] }> {
  const app = await NestFactory.create(module as never, { preview: true, logger: false, abortOnError: false });
  return { app, routes: routesInRegistrationOrder(app) };
}

/**
 * No route is hidden behind a parameter route registered before it. Nest registers routes module by
 * module, controller by controller; Express answers with the first match, so `GET /api/ideas/similar`
 * works only while its controller comes before `GET /api/ideas/:id` (both in IdeasCoreModule's list).
 */
describe('route registration order', () => {
  const saved = { ...process.env };

  beforeAll(() => {
    Object.assign(process.env, {
      DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
  });

  afterAll(() => {
    process.env = saved;
  });

  it('registers every static route of the API before any parameter route that would answer it', async () => {
    const { app, routes } = await previewRoutes(AppModule);
    try {
      const keys = routes.map((r) => r.key);
      expect(keys.indexOf('GET /api/ideas/similar')).toBeGreaterThanOrEqual(0);
      expect(keys.indexOf('GET /api/ideas/similar')).toBeLessThan(keys.indexOf('GET /api/ideas/:id'));
      expect(shadowed(routes)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('catches a static route registered after the parameter route (the order flipped)', async () => {
    @Controller('things')
    @PublicRoute()
    class ThingController {
      @Get(':id')
      one(): void {}
    }
    @Controller('things/similar')
    @PublicRoute()
    class SimilarThingsController {
      @Get()
      similar(): void {}
    }
    @Module({ controllers: [ThingController, SimilarThingsController] })
    class FlippedModule {}
    @Module({ controllers: [SimilarThingsController, ThingController] })
    class OrderedModule {}

    const flipped = await previewRoutes(FlippedModule);
    const ordered = await previewRoutes(OrderedModule);
    try {
      expect(shadowed(flipped.routes)).toEqual([
        'GET /api/things/similar (SimilarThingsController.similar) is answered by GET /api/things/:id (ThingController.one)',
      ]);
      expect(shadowed(ordered.routes)).toEqual([]);
    } finally {
      await flipped.app.close();
      await ordered.app.close();
    }
  });
});
