import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import express from 'express';
import { AppConfig, createValidationPipe, trustProxySetting } from '@eclore/server-platform';
import { AppModule } from './app.module';
import { applySecurityHeaders, protectApiDocs } from './security-headers';
import { webStaticMiddleware } from './static-web';

export const API_PREFIX = 'api';

export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Éclore API')
    .setDescription('The intranet innovation box: problems and solutions from emergence to follow-up. Errors are application/problem+json (RFC 9457).')
    .setVersion('1')
    .build();
  return SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
  });
}

/** Creates the configured HTTP application (shared by main.ts and the tests). */
export async function createApiApp(options: { logger?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, abortOnError: false });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  app.disable('x-powered-by');
  // Only the configured proxies' X-Forwarded-For counts (none by default): req.ip feeds the sign-in limits.
  app.set('trust proxy', trustProxySetting(config));
  applySecurityHeaders(app, API_PREFIX);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  protectApiDocs(app);
  const document = buildOpenApiDocument(app);
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.get(`/${API_PREFIX}/openapi.json`, (_req, res) => {
    res.json(document);
  });
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { raw: false });

  if (config.WEB_DIST_DIR) serveWeb(app, resolve(config.WEB_DIST_DIR), config.isProduction);
  return app;
}

/** Serves the web app's build (static-web.ts); any non-API path falls back to index.html (client-side routing). */
function serveWeb(app: NestExpressApplication, dir: string, production: boolean): void {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`WEB_DIST_DIR=${dir} has no index.html; build the web app first`);
  const server = app.getHttpAdapter().getInstance() as express.Express;
  server.use(webStaticMiddleware(dir, { production }));
}
