import 'reflect-metadata';
import { Body, Controller, Module, Param, Post, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiProperty, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import request from 'supertest';
import type { Actor } from '@eclore/domain';
import { createValidationPipe, IdParamDto, ProblemFilter } from '@eclore/server-platform';
import { ActorOn, CurrentActor } from './permission.decorator';

const ACTOR = { personId: '5d0c7a1e-6f5b-4c1a-9a1e-2b3c4d5e6f70' } as Actor;
const ID = '0b6a0c2e-3d0f-4c39-9a0e-1c1d2f3a4b5c';

class NoteInput {
  @ApiProperty() @IsString() text!: string;
}

// The same route written with the two arguments and with @ActorOn().
@Controller('apart/:id')
class ApartController {
  @Post()
  note(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() input: NoteInput): unknown {
    return { actor, id: params.id, text: input.text };
  }
}

@Controller('on/:id')
class OnController {
  @Post()
  note(@ActorOn() on: ActorOn, @Body() input: NoteInput): unknown {
    return { actor: on.actor, id: on.id, text: input.text };
  }
}

/** Stands in for the AccessGuard: the signed-in actor on the request. */
class SignedIn implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest<{ actor: Actor }>().actor = ACTOR;
    return true;
  }
}

@Module({ controllers: [ApartController, OnController] })
class ProbeModule {}

let app: NestExpressApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
  app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  app.useGlobalGuards(new SignedIn());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  await app.init();
  document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
});

afterAll(async () => {
  await app.close();
});

const post = (path: string, body: unknown) =>
  request(app.getHttpServer() as Parameters<typeof request>[0])
    .post(path)
    .send(body as object);

describe('@ActorOn()', () => {
  it('documents the route as @CurrentActor() with @Param() IdParamDto does', () => {
    expect(document.paths['/on/{id}']?.post?.parameters).toEqual(document.paths['/apart/{id}']?.post?.parameters);
    expect(document.paths['/on/{id}']?.post?.parameters).toHaveLength(1);
  });

  it('gives the handler the same actor and id', async () => {
    const apart = await post(`/apart/${ID}`, { text: 'x' }).expect(201);
    const on = await post(`/on/${ID}`, { text: 'x' }).expect(201);
    expect(on.body).toEqual(apart.body);
    expect(on.body).toEqual({ actor: ACTOR, id: ID, text: 'x' });
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
