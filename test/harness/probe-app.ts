// A Nest app of a few probe controllers (no database, no config) and the OpenAPI document swagger
// makes of it: for the HTTP kit's own specs, which compare routes written two ways.
import type { Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export async function createProbeApp(
  controllers: Type<unknown>[],
  setUp: (app: NestExpressApplication) => void = () => {},
): Promise<{ app: NestExpressApplication; document: OpenAPIObject }> {
  const moduleRef = await Test.createTestingModule({ controllers }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  setUp(app);
  await app.init();
  return { app, document: SwaggerModule.createDocument(app, new DocumentBuilder().build()) };
}
