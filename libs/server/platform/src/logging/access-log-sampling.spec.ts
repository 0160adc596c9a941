import 'reflect-metadata';
import { Controller, Get, HttpCode, Module, NotFoundException, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { AppConfigModule } from '../config/config.module';
import { httpLoggerModule } from './logging.module';
import { markInternalRequest } from './internal-requests';

@Controller('probe')
class ProbeController {
  @Get('ok')
  ok() {
    return { ok: true };
  }
  @Get('missing')
  missing() {
    throw new NotFoundException();
  }
  @Post('write')
  @HttpCode(201)
  write() {
    return { ok: true };
  }
}

/** The access log's line for each request, by URL (pino-http's "request completed"/"request errored"). */
async function accessLogOf(
  sample: string,
  requests: (server: ReturnType<NestExpressApplication['getHttpServer']>) => Promise<unknown>,
) {
  const lines: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    REDIS_URL: 'redis://127.0.0.1:6379',
    LOG_LEVEL: 'info',
    ACCESS_LOG_SAMPLE: sample,
  });
  @Module({
    imports: [AppConfigModule, httpLoggerModule({ write: (line: string) => void lines.push(line) })],
    controllers: [ProbeController],
  })
  class ProbeModule {}
  const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Stands for the api's warm-up, which marks the requests it sends itself (a header only in this test).
  app.use((req: Parameters<typeof markInternalRequest>[0], _res: unknown, next: () => void) => {
    if (req.headers['x-test-internal']) markInternalRequest(req);
    next();
  });
  await app.init();
  try {
    await requests(app.getHttpServer());
  } finally {
    await app.close();
    process.env = saved;
  }
  return lines
    .map((l) => JSON.parse(l) as { req?: { method: string; url: string }; res?: { statusCode: number } })
    .filter((l) => l.req && l.res)
    .map((l) => `${l.req!.method} ${l.req!.url} ${l.res!.statusCode}`);
}

describe('access log sampling (ACCESS_LOG_SAMPLE)', () => {
  const traffic = async (server: Parameters<typeof request>[0]) => {
    for (let n = 0; n < 5; n++) await request(server).get('/probe/ok').expect(200);
    await request(server).get('/probe/missing').expect(404);
    await request(server).post('/probe/write').expect(201);
  };

  it('at 0 writes no successful read but every failure and every write', async () => {
    expect(await accessLogOf('0', traffic)).toEqual(['GET /probe/missing 404', 'POST /probe/write 201']);
  });

  it('at 1 (the default) writes every request', async () => {
    const logged = await accessLogOf('1', traffic);
    expect(logged.filter((l) => l === 'GET /probe/ok 200')).toHaveLength(5);
    expect(logged).toEqual(expect.arrayContaining(['GET /probe/missing 404', 'POST /probe/write 201']));
  });

  it("never writes the process's own requests, failed or not", async () => {
    const logged = await accessLogOf('1', async (server) => {
      await request(server).get('/probe/ok').set('x-test-internal', '1').expect(200);
      await request(server).get('/probe/missing').set('x-test-internal', '1').expect(404);
      await request(server).get('/probe/ok').expect(200);
    });
    expect(logged).toEqual(['GET /probe/ok 200']);
  });
});
