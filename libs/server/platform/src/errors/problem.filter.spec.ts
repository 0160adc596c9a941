import 'reflect-metadata';
import {
  BadGatewayException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  Module,
  Post,
  ServiceUnavailableException,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Logger } from 'nestjs-pino';
import request from 'supertest';
import { QueryFailedError } from 'typeorm';
import { Conflict, NotFound } from '@eclore/domain';
import { AppConfigModule } from '../config/config.module';
import { httpLoggerModule } from '../logging/logging.module';
import { ProblemFilter } from './problem.filter';
import { createValidationPipe } from './validation';

// A controller that exists only in this test, to exercise the platform's pipe and filter.
class AddressDto {
  @IsString() @IsNotEmpty() city!: string;
}
class ProbeDto {
  @IsString() @IsNotEmpty() @MaxLength(10) title!: string;
  @IsInt() @Min(1) @Max(5) score!: number;
  @IsEmail() contact!: string;
  @ValidateNested() @Type(() => AddressDto) address!: AddressDto;
}

@Controller('probe')
class ProbeController {
  @Post()
  create(@Body() body: ProbeDto) {
    return { ok: true, title: body.title };
  }
  @Get('missing')
  missing() {
    throw new NotFound('idea', '42');
  }
  @Get('conflict')
  conflict() {
    throw new Conflict('already_supported', 'You already support this idea.');
  }
  @Get('crash')
  crash() {
    throw new Error('database password is hunter2');
  }
  @Get('bad-cast')
  badCast() {
    // What TypeORM throws when PostgreSQL refuses a value: SQLSTATE 22P02 (invalid text representation).
    throw new QueryFailedError(
      'SELECT $1::uuid',
      ['nope'],
      Object.assign(new Error('invalid input syntax for type uuid: "nope"'), { code: '22P02' }),
    );
  }
  @Get('forbidden')
  forbidden() {
    throw new ForbiddenException('Not yours.');
  }
  @Get('not-ready')
  notReady() {
    throw new ServiceUnavailableException({ status: 'error', details: { database: { status: 'down' } } });
  }
  @Get('upstream')
  upstream() {
    throw new BadGatewayException('upstream said: secret-token-123');
  }
  @Get('too-large')
  tooLarge() {
    // What body-parser passes on for a body over its limit.
    throw Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
  }
  @Get('constraint')
  constraint() {
    // Class 23 (integrity) is a bug or a race of ours, not bad data: it stays a 500.
    throw new QueryFailedError('INSERT …', [], Object.assign(new Error('null value in column'), { code: '23502' }));
  }
}

describe('errors: problem+json for every failure', () => {
  let app: NestExpressApplication;
  const logLines: string[] = [];
  const sink = { write: (line: string) => void logLines.push(line) };
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
    });
    @Module({
      imports: [AppConfigModule, httpLoggerModule(sink)],
      controllers: [ProbeController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    })
    class ProbeModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
    app.useLogger(app.get(Logger));
    app.useGlobalPipes(createValidationPipe());
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('lists every invalid field, nested ones with a dotted path', async () => {
    const res = await request(app.getHttpServer())
      .post('/probe')
      .send({ title: 'far too long a title', score: 9, contact: 'not-an-email', address: { city: '' } })
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    const fields = (res.body.errors as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`).sort();
    expect(fields).toEqual(['address.city:isNotEmpty', 'contact:isEmail', 'score:max', 'title:maxLength']);
  });

  it('refuses unknown properties instead of dropping them', async () => {
    const res = await request(app.getHttpServer())
      .post('/probe')
      .send({ title: 'ok', score: 3, contact: 'a@b.ch', address: { city: 'Genève' }, isAdmin: true })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'isAdmin', code: 'unknownProperty' })]);
  });

  it('accepts a valid body', async () => {
    await request(app.getHttpServer())
      .post('/probe')
      .send({ title: 'ok', score: 3, contact: 'a@b.ch', address: { city: 'Genève' } })
      .expect(201, { ok: true, title: 'ok' });
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const res = await request(app.getHttpServer())
      .post('/probe')
      .set('content-type', 'application/json')
      .send('{"title": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('malformed_body');
  });

  it('maps typed domain errors to their status and stable code', async () => {
    const missing = await request(app.getHttpServer()).get('/probe/missing').expect(404);
    expect(missing.body).toMatchObject({ code: 'idea_not_found', status: 404 });
    const conflict = await request(app.getHttpServer()).get('/probe/conflict').expect(409);
    expect(conflict.body).toMatchObject({ code: 'already_supported', title: 'You already support this idea.' });
  });

  it('answers the whole document: type, title, status, code, the route and the request id', async () => {
    const res = await request(app.getHttpServer()).get('/probe/missing?x=1').expect(404);
    expect(res.body).toEqual({
      type: 'https://eclore.dev/problems/idea_not_found',
      title: expect.any(String),
      status: 404,
      code: 'idea_not_found',
      instance: '/probe/missing?x=1',
      requestId: expect.any(String),
    });
  });

  it("maps Nest's own 4xx to its code with the detail, a 503 with the dependencies' state, a 413 from the body parser", async () => {
    const forbidden = await request(app.getHttpServer()).get('/probe/forbidden').expect(403);
    expect(forbidden.body).toMatchObject({ code: 'forbidden', detail: 'Not yours.', status: 403 });
    const notReady = await request(app.getHttpServer()).get('/probe/not-ready').expect(503);
    expect(notReady.body).toMatchObject({ code: 'service_unavailable', details: { database: { status: 'down' } } });
    const tooLarge = await request(app.getHttpServer()).get('/probe/too-large').expect(413);
    expect(tooLarge.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooLarge.body).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('turns any other 5xx into an internal error that says nothing of it', async () => {
    const res = await request(app.getHttpServer()).get('/probe/upstream').expect(500);
    expect(res.body).toMatchObject({ code: 'internal_error', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(res.body)).not.toContain('secret-token-123');
  });

  it('hides an unexpected error behind an errorId that is also in the log', async () => {
    const res = await request(app.getHttpServer()).get('/probe/crash').expect(500);
    expect(res.body.code).toBe('internal_error');
    expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    const logged = logLines
      .map((l) => JSON.parse(l) as { errorId?: string; err?: { message?: string } })
      .find((l) => l.errorId === res.body.errorId);
    expect(logged?.err?.message).toContain('hunter2');
  });

  it('answers a PostgreSQL data exception (class 22) with a 400, and logs it so the missing check gets written', async () => {
    logLines.length = 0;
    const res = await request(app.getHttpServer()).get('/probe/bad-cast').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'invalid_value', status: 400 });
    expect(JSON.stringify(res.body)).not.toContain('nope');
    const logged = logLines
      .map((l) => JSON.parse(l) as { errorId?: string; sqlState?: string })
      .find((l) => l.errorId === res.body.errorId);
    expect(logged?.sqlState).toBe('22P02');
    await request(app.getHttpServer()).get('/probe/constraint').expect(500);
  });

  it('never logs credentials', async () => {
    logLines.length = 0;
    await request(app.getHttpServer())
      .get('/probe/missing')
      .set('authorization', 'Bearer s3cr3t-token')
      .set('cookie', 'sid=abc123');
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toMatch(/s3cr3t-token|abc123/);
  });
});
