// Browser security headers of every answer of the api (which also serves the web build), and the
// sign-in gate of the API docs in production. docker/nginx.conf.template sends the same headers for
// deployments that serve the web build from nginx; docs/configuration.md ("Browser security") explains them.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppConfig, PROBLEM_CONTENT_TYPE, ProblemFilter } from '@eclore/server-platform';
import { readCookie, sessionCookieName, SessionService, Unauthenticated } from '@eclore/server-identity';

/**
 * Strict policy the built web app satisfies: Vite emits no inline script (the module preload
 * polyfill is bundled), React sets `style` through the CSSOM (not governed by CSP), and every
 * request goes to this origin. apps/web-e2e/src/shell.e2e.ts checks the built app raises no violation.
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI's page ships inline <style> blocks and data: icons; its scripts still come from this origin only. */
const DOCS_CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  ...CONTENT_SECURITY_POLICY,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
};

/** Powerful browser features the app never uses, off for this page and anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

export const API_DOCS_PATHS = ['/api/docs', '/api/openapi.json'] as const;

const isDocsPath = (path: string): boolean => API_DOCS_PATHS.some((p) => path === p || path.startsWith(`${p}/`));

function helmetFor(config: AppConfig, csp: Readonly<Record<string, readonly string[]>>) {
  const https = new URL(config.PUBLIC_URL).protocol === 'https:';
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      // Upgrading sub-requests would break a plain-http install (local runs, tests).
      directives: { ...csp, ...(https ? { 'upgrade-insecure-requests': [] } : {}) },
    },
    // Without includeSubDomains: an intranet's sibling hosts may still be plain http.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    // `same-origin`: links to other sites carry no referrer (an idea's address names the idea), while
    // the app's own POSTs keep their Origin header, which the CSRF check reads (`no-referrer` would null it).
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Registers the headers on every answer (API, web index, static assets, errors). API answers are
 * never stored by a browser or a proxy: they hold personal data, and a shared computer's back
 * button must not show the previous person's pages. Hashed assets keep their long cache.
 */
export function applySecurityHeaders(app: NestExpressApplication, apiPrefix: string): void {
  const config = app.get(AppConfig);
  const main = helmetFor(config, CONTENT_SECURITY_POLICY);
  const docs = helmetFor(config, DOCS_CONTENT_SECURITY_POLICY);
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    if (req.path === `/${apiPrefix}` || req.path.startsWith(`/${apiPrefix}/`)) forceNoStore(res);
    (isDocsPath(req.path) ? docs : main)(req, res, next);
  });
}

/** `no-store` is set as the head is written, so a handler's own Cache-Control cannot loosen it. */
function forceNoStore(res: Response): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    this.setHeader('Cache-Control', 'no-store');
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as typeof res.writeHead;
}

/**
 * In production the OpenAPI document and its UI answer only a signed-in person unless
 * API_DOCS_PUBLIC=true. Must run before the docs routes are registered. The code generator
 * (`npm run api-client:generate`) builds the document in process and is not concerned.
 */
export function protectApiDocs(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  if (!config.isProduction || config.API_DOCS_PUBLIC) return;
  const sessions = app.get(SessionService);
  const problems = new ProblemFilter();
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isDocsPath(req.path)) return next();
    const token = readCookie(req, sessionCookieName(config));
    const resolved = token ? sessions.resolve(token) : Promise.resolve('unknown' as const);
    resolved.then(
      (session) => {
        if (typeof session !== 'string') return next();
        const problem = problems.toProblem(
          new Unauthenticated('Sign in to read the API documentation.'),
          req as Request & { id?: string | number },
        );
        res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
      },
      (err: unknown) => next(err),
    );
  });
}
