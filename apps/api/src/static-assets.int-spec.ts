import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createTestDatabase, uniqueQueuePrefix } from '../../../test/database';
import { TEST_REDIS_URL } from '../../../test/services';
import { createApiApp } from './bootstrap';

/**
 * Issue 12: the api serves the web build precompressed (brotli or gzip by Accept-Encoding, from the
 * .br/.gz copies the build writes), hashed assets with an immutable cache, index.html revalidated,
 * no source map in production, and still index.html for any client-side route.
 */
describe('web build static files', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let webDir: string;
  const saved = { ...process.env };
  const apps: NestExpressApplication[] = [];

  const SCRIPT = `console.log(${JSON.stringify('Éclore '.repeat(200))});`;
  const INDEX = '<!doctype html><title>Éclore</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>';

  async function start(nodeEnv: 'test' | 'production'): Promise<NestExpressApplication> {
    process.env = {
      ...saved,
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix('static'),
      LOG_LEVEL: 'silent',
      WEB_DIST_DIR: webDir,
      NODE_ENV: nodeEnv,
      PUBLIC_URL: 'http://localhost:3000',
    };
    const app = await createApiApp({ logger: false });
    await app.init();
    apps.push(app);
    return app;
  }

  /** The body as a Buffer whatever its type (supertest inflates gzip and brotli on the way). */
  const raw = (req: request.Test) =>
    req.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

  function expectSecurityHeaders(res: request.Response): void {
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  }

  beforeAll(async () => {
    db = await createTestDatabase('staticweb');
    // A stand-in for dist/web as `npm run build:web` lays it out: hashed assets with their .br/.gz
    // copies and a hidden source map, an index with its copies, a small unhashed file without any.
    webDir = mkdtempSync(join(tmpdir(), 'eclore-web-'));
    mkdirSync(join(webDir, 'assets'));
    mkdirSync(join(webDir, '.vite'));
    const write = (name: string, content: string, compressed: boolean) => {
      writeFileSync(join(webDir, name), content);
      if (!compressed) return;
      writeFileSync(join(webDir, `${name}.gz`), gzipSync(content));
      writeFileSync(join(webDir, `${name}.br`), brotliCompressSync(content));
    };
    write('index.html', INDEX, true);
    write('assets/index-Ab12Cd34.js', SCRIPT, true);
    write('assets/index-Ef56Gh78.css', `body{margin:0}${'.x{color:red}'.repeat(50)}`, true);
    write('assets/index-Ab12Cd34.js.map', '{"version":3,"sources":["secret.ts"]}', false);
    write('robots.txt', 'User-agent: *', false);
    write('.vite/manifest.json', '{}', false);
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.drop();
    rmSync(webDir, { recursive: true, force: true });
    process.env = saved;
  });

  describe('in production', () => {
    let app: NestExpressApplication;
    beforeAll(async () => {
      app = await start('production');
    });

    it('sends brotli to a browser that accepts it, with the type of the script and an immutable cache', async () => {
      const res = await raw(
        request(app.getHttpServer()).get('/assets/index-Ab12Cd34.js').set('Accept-Encoding', 'gzip, deflate, br, zstd'),
      ).expect(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((res.body as Buffer).toString()).toBe(SCRIPT); // supertest inflates what it receives
      expectSecurityHeaders(res);
    });

    it('sends gzip when brotli is not accepted, and CSS keeps its type', async () => {
      const res = await raw(
        request(app.getHttpServer()).get('/assets/index-Ef56Gh78.css').set('Accept-Encoding', 'gzip'),
      ).expect(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['content-type']).toMatch(/^text\/css/);
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect((res.body as Buffer).toString()).toContain('body{margin:0}');
    });

    it('follows the client’s preference and sends the file as it is to a client that accepts no compression', async () => {
      const gzipFirst = await raw(
        request(app.getHttpServer()).get('/assets/index-Ab12Cd34.js').set('Accept-Encoding', 'br;q=0.5, gzip'),
      ).expect(200);
      expect(gzipFirst.headers['content-encoding']).toBe('gzip');
      const plain = await raw(
        request(app.getHttpServer()).get('/assets/index-Ab12Cd34.js').set('Accept-Encoding', 'identity'),
      ).expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
      expect((plain.body as Buffer).toString()).toBe(SCRIPT);
    });

    it('refuses source maps', async () => {
      const res = await request(app.getHttpServer()).get('/assets/index-Ab12Cd34.js.map').expect(404);
      expect(res.text).not.toContain('secret.ts');
      expectSecurityHeaders(res);
    });

    it('answers a client-side route with index.html, compressed and revalidated', async () => {
      const res = await raw(request(app.getHttpServer()).get('/ideas/some-idea').set('Accept-Encoding', 'br')).expect(
        200,
      );
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect((res.body as Buffer).toString()).toBe(INDEX);
      expectSecurityHeaders(res);
      const root = await request(app.getHttpServer()).get('/').set('Accept-Encoding', 'identity').expect(200);
      expect(root.text).toBe(INDEX);
      expect(root.headers['cache-control']).toBe('no-cache');
    });

    it('serves a file without compressed copies as it is, and never the build’s dot folder', async () => {
      const robots = await request(app.getHttpServer())
        .get('/robots.txt')
        .set('Accept-Encoding', 'br, gzip')
        .expect(200);
      expect(robots.headers['content-encoding']).toBeUndefined();
      expect(robots.text).toBe('User-agent: *');
      const manifest = await request(app.getHttpServer()).get('/.vite/manifest.json').expect(200);
      expect(manifest.headers['content-type']).toMatch(/^text\/html/); // the app's shell, not the manifest
    });

    it('leaves the API alone', async () => {
      const res = await request(app.getHttpServer()).get('/api/does-not-exist.map').expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('outside production', () => {
    it('serves the source maps for debugging', async () => {
      const app = await start('test');
      const res = await request(app.getHttpServer()).get('/assets/index-Ab12Cd34.js.map').expect(200);
      expect(res.text).toContain('secret.ts');
    });
  });
});
