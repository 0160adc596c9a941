import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Param, Post, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  type OpenAPIObject,
} from '@nestjs/swagger';
import request from 'supertest';
import { ApiController } from './api-controller.decorator';
import { Endpoint, errorResponses, withPreset, type EndpointPreset } from './endpoint.decorator';
import { IdParamDto } from './params.dto';
import { PERMISSION_KEY, PublicRoute, RequirePermission } from './permission';
import { createProbeApp } from '../../../../../test/harness/probe-app';

class ThingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

// The same four routes written by hand (as controllers do today) and with @Endpoint.
@Controller('by-hand')
class ByHandController {
  @Get(':id')
  @RequirePermission('profile.read_own')
  @ApiOperation({ operationId: 'getThing', summary: 'A thing.', description: 'More about it.' })
  @ApiOkResponse({ type: ThingDto })
  @ApiNotFoundResponse({ description: '`idea_not_found`' })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`' })
  get(@Param() params: IdParamDto): ThingDto {
    return { id: params.id, name: 'by hand' };
  }

  @Get()
  @RequirePermission('committee.decide', { objectLevel: true })
  @ApiOperation({ operationId: 'listThings', summary: 'Things.' })
  @ApiOkResponse({ type: [ThingDto] })
  list(): ThingDto[] {
    return [];
  }

  @Post()
  @PublicRoute({ tokenAuthorised: true })
  @ApiOperation({ operationId: 'createThing', summary: 'Makes one.' })
  @ApiCreatedResponse({ type: ThingDto, description: 'Made.' })
  @ApiBadRequestResponse({ description: 'The name is missing.' })
  @ApiConflictResponse({ description: '`stale_version`, `transition_not_allowed`' })
  create(@Body() body: ThingDto): ThingDto {
    return body;
  }

  @Post('clear')
  @HttpCode(204)
  @PublicRoute()
  @ApiOperation({ operationId: 'clearThings', summary: 'Clears.' })
  @ApiNoContentResponse()
  clear(): void {}
}

@Controller('kit')
class KitController {
  @Get(':id')
  @Endpoint({
    permission: 'profile.read_own',
    operationId: 'getThing',
    summary: 'A thing.',
    description: 'More about it.',
    ok: ThingDto,
    errors: ['idea_not_found', 'role_required', 'out_of_scope'],
  })
  get(@Param() params: IdParamDto): ThingDto {
    return { id: params.id, name: 'kit' };
  }

  @Get()
  @Endpoint({
    permission: { action: 'committee.decide', objectLevel: true },
    operationId: 'listThings',
    summary: 'Things.',
    ok: [ThingDto],
  })
  list(): ThingDto[] {
    return [];
  }

  @Post()
  @Endpoint({
    permission: { public: true, tokenAuthorised: true },
    operationId: 'createThing',
    summary: 'Makes one.',
    ok: ThingDto,
    status: 201,
    okDescription: 'Made.',
    errors: ['validation_failed', 'stale_version', 'transition_not_allowed'],
    errorText: { 400: 'The name is missing.' },
  })
  create(@Body() body: ThingDto): ThingDto {
    return body;
  }

  @Post('clear')
  @Endpoint({ permission: { public: true }, operationId: 'clearThings', summary: 'Clears.', ok: 'noContent' })
  clear(): void {}
}

@Controller('accepted')
class AcceptedController {
  @Post()
  @Endpoint({ permission: { public: true }, operationId: 'queueThing', summary: 'Queues.', ok: ThingDto, status: 202 })
  queue(): ThingDto {
    return { id: '0b6a0c2e-3d0f-4c39-9a0e-1c1d2f3a4b5c', name: 'queued' };
  }

  @Post('answer')
  @Endpoint({ permission: { public: true }, operationId: 'answerThing', summary: 'Answers.', ok: ThingDto })
  answer(): ThingDto {
    return { id: '0b6a0c2e-3d0f-4c39-9a0e-1c1d2f3a4b5c', name: 'answered' };
  }
}

let app: NestExpressApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  ({ app, document } = await createProbeApp([ByHandController, KitController, AcceptedController]));
});

afterAll(async () => {
  await app.close();
});

const operation = (path: string, method: 'get' | 'post') => document.paths[path]?.[method];

describe('@Endpoint', () => {
  it.each([
    ['/by-hand/{id}', '/kit/{id}', 'get'],
    ['/by-hand', '/kit', 'get'],
    ['/by-hand', '/kit', 'post'],
    ['/by-hand/clear', '/kit/clear', 'post'],
  ] as const)('documents %s and %s the same way (%s)', (byHand, kit, method) => {
    const { tags: _a, ...expected } = operation(byHand, method)!;
    const { tags: _b, ...actual } = operation(kit, method)!;
    expect(expected.operationId).toBeDefined();
    expect(actual).toEqual(expected);
  });

  it('carries the same permission declaration as the hand-written decorators', () => {
    for (const name of ['get', 'list', 'create', 'clear'] as const) {
      const byHand: unknown = Reflect.getMetadata(PERMISSION_KEY, ByHandController.prototype[name]);
      expect(Reflect.getMetadata(PERMISSION_KEY, KitController.prototype[name])).toEqual(byHand);
    }
  });

  it('makes the runtime status the documented one', async () => {
    const server = app.getHttpServer() as Parameters<typeof request>[0];
    await request(server).post('/accepted').expect(202);
    await request(server).post('/accepted/answer').expect(200);
    await request(server).post('/kit/clear').expect(204);
    expect(Object.keys(operation('/accepted', 'post')?.responses ?? {})).toEqual(['202']);
  });

  it('refuses an error text for a status none of the codes answers', () => {
    expect(() => errorResponses(['idea_not_found'], { 409: 'A conflict.' })).toThrow(/409/);
  });

  it('groups the codes by their catalogue status', () => {
    class Probe {
      route(): void {}
    }
    const descriptor = Object.getOwnPropertyDescriptor(Probe.prototype, 'route')!;
    errorResponses(['person_not_found', 'csrf_failed', 'idea_not_found'])(Probe.prototype, 'route', descriptor);
    const responses = Reflect.getMetadata('swagger/apiResponse', descriptor.value as Type<unknown>) as Record<
      string,
      { description: string }
    >;
    expect(responses['404']?.description).toBe('`person_not_found`, `idea_not_found`');
    expect(responses['403']?.description).toBe('`csrf_failed`');
  });

  it('lets a route extend its controller preset: own errors first, own texts win, own permission wins', () => {
    const preset: EndpointPreset = {
      permission: 'committee.manage',
      errors: ['committee_session_not_found', 'validation_failed'],
      errorText: { 404: 'Unknown session.', 400: 'Shared.' },
    };
    const own = {
      operationId: 'op',
      summary: 'S.',
      ok: ThingDto,
      errors: ['validation_failed', 'session_status'] as const,
    };
    expect(withPreset(preset, { ...own, errorText: { 400: 'Own.' } })).toEqual({
      ...own,
      permission: 'committee.manage',
      errors: ['validation_failed', 'session_status', 'committee_session_not_found'],
      errorText: { 404: 'Unknown session.', 400: 'Own.' },
    });
    expect(withPreset(preset, { ...own, permission: 'committee.read' }).permission).toBe('committee.read');
    expect(withPreset({ permission: 'committee.read' }, { operationId: 'op', summary: 'S.', ok: 'noContent' })).toEqual(
      {
        operationId: 'op',
        summary: 'S.',
        ok: 'noContent',
        permission: 'committee.read',
      },
    );
  });

  it('takes a controller-wide permission from ApiController; a route stating its own keeps it', () => {
    @ApiController('things', 'scoped', { action: 'committee.decide', objectLevel: true })
    class ScopedController {
      @Get()
      @Endpoint({ operationId: 'scopedList', summary: 'Things.', ok: [ThingDto] })
      list(): ThingDto[] {
        return [];
      }

      @Post()
      @Endpoint({ permission: { public: true }, operationId: 'scopedCreate', summary: 'Makes one.', ok: ThingDto })
      create(@Body() body: ThingDto): ThingDto {
        return body;
      }
    }
    // What the guard and the route table read: the route's own declaration, else its controller's.
    const declared = (name: 'list' | 'create'): unknown =>
      Reflect.getMetadata(PERMISSION_KEY, ScopedController.prototype[name]) ??
      Reflect.getMetadata(PERMISSION_KEY, ScopedController);
    expect(declared('list')).toEqual(Reflect.getMetadata(PERMISSION_KEY, ByHandController.prototype.list));
    expect(declared('create')).toEqual(Reflect.getMetadata(PERMISSION_KEY, ByHandController.prototype.clear));
  });
});
