import 'reflect-metadata';
import { Body, Controller, Param, Post, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiProperty, type OpenAPIObject } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import request from 'supertest';
import type { Actor } from '@eclore/domain';
import { createValidationPipe, IdParamDto, ProblemFilter, RequestId } from '@eclore/server-platform';
import { createProbeApp } from '../../../../../test/harness/probe-app';
import { Call, CallOn, CurrentActor } from './permission.decorator';

const ACTOR = { personId: '5d0c7a1e-6f5b-4c1a-9a1e-2b3c4d5e6f70' } as Actor;
const ID = '0b6a0c2e-3d0f-4c39-9a0e-1c1d2f3a4b5c';

class NoteInput {
  @ApiProperty() @IsString() text!: string;
}

// The same routes written with the separate arguments and with @CallOn() / @Call().
@Controller('apart')
class ApartController {
  @Post(':id')
  note(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: NoteInput,
    @RequestId() requestId: string | null,
  ): unknown {
    return { actor, id: params.id, text: input.text, requestId };
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() input: NoteInput, @RequestId() requestId: string | null): unknown {
    return { actor, text: input.text, requestId };
  }
}

@Controller('on')
class OnController {
  @Post(':id')
  note(@CallOn() call: CallOn, @Body() input: NoteInput): unknown {
    return { actor: call.actor, id: call.id, text: input.text, requestId: call.requestId };
  }

  @Post()
  create(@Call() call: Call, @Body() input: NoteInput): unknown {
    return { actor: call.actor, text: input.text, requestId: call.requestId };
  }
}

/** Stands in for the AccessGuard (the signed-in actor) and pino-http (the request id). */
class SignedIn implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<{ actor: Actor; id: string }>();
    req.actor = ACTOR;
    req.id = 'req-7';
    return true;
  }
}

let app: NestExpressApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  ({ app, document } = await createProbeApp([ApartController, OnController], (probe) => {
    probe.useGlobalGuards(new SignedIn());
    probe.useGlobalPipes(createValidationPipe());
    probe.useGlobalFilters(new ProblemFilter());
  }));
});

afterAll(async () => {
  await app.close();
});

const post = (path: string, body: unknown) =>
  request(app.getHttpServer() as Parameters<typeof request>[0])
    .post(path)
    .send(body as object);

describe('@CallOn() and @Call()', () => {
  it('documents the routes as the separate arguments do', () => {
    expect(document.paths['/on/{id}']?.post).toEqual({
      ...document.paths['/apart/{id}']?.post,
      operationId: 'OnController_note',
      tags: ['On'],
    });
    expect(document.paths['/on/{id}']?.post?.parameters).toHaveLength(1);
    expect(document.paths['/on']?.post).toEqual({
      ...document.paths['/apart']?.post,
      operationId: 'OnController_create',
      tags: ['On'],
    });
  });

  it('gives the handler the same actor, id and request id', async () => {
    const apart = await post(`/apart/${ID}`, { text: 'x' }).expect(201);
    const on = await post(`/on/${ID}`, { text: 'x' }).expect(201);
    expect(on.body).toEqual(apart.body);
    expect(on.body).toEqual({ actor: ACTOR, id: ID, text: 'x', requestId: 'req-7' });
    const created = await post('/on', { text: 'x' }).expect(201);
    expect(created.body).toEqual((await post('/apart', { text: 'x' }).expect(201)).body);
    expect(created.body).toEqual({ actor: ACTOR, text: 'x', requestId: 'req-7' });
  });

  it.each([
    ['a malformed id', 'not-a-uuid', { text: 'x' }],
    ['a malformed id and body', 'not-a-uuid', { text: 1 }],
    ['a malformed body', ID, { text: 1 }],
  ])('answers %s with the same problem', async (_what, id, body) => {
    const apart = await post(`/apart/${id}`, body).expect(400);
    const on = await post(`/on/${id}`, body).expect(400);
    const { instance: _a, ...expected } = apart.body as Record<string, unknown>;
    const { instance: _b, ...actual } = on.body as Record<string, unknown>;
    expect(actual).toEqual(expected);
    expect(actual).toMatchObject({ code: 'validation_failed' });
  });
});
