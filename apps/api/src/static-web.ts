import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import express from 'express';

/** Hashed file names (Vite's assets/): their content never changes under the same address. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed assets: always revalidated, so a deployment shows at once. */
const REVALIDATE = 'no-cache';

/** The precompressed copies scripts/web-precompress.mjs wrote, preferred in this order on a tie. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The quality the Accept-Encoding header gives an encoding (its own entry, else `*`, else 0). */
function quality(entries: ReadonlyMap<string, number>, name: string): number {
  return entries.get(name) ?? entries.get('*') ?? 0;
}

/**
 * The highest-quality encoding the client accepts among those offered; on a tie, ours (brotli first).
 * Not express's acceptsEncodings: on a tie it follows the header's order, and browsers list gzip
 * before br with equal weight, so it would never pick brotli.
 */
export function chooseEncoding<E extends { name: string }>(header: string, offered: readonly E[]): E | undefined {
  const entries = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    if (name) entries.set(name, Number.isFinite(value) ? value : 0);
  }
  let best: E | undefined;
  for (const encoding of offered) {
    const q = quality(entries, encoding.name);
    if (q > 0 && (best === undefined || q > quality(entries, best.name))) best = encoding;
  }
  // identity preferred over every offered copy (e.g. `identity, gzip;q=0.5`): the file as it is
  if (best && entries.has('identity') && quality(entries, 'identity') > quality(entries, best.name)) return undefined;
  return best;
}

/** Every file of the build as a URL path (`/assets/index-Ab12.js`); the build does not change while served. */
function listFiles(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      if (name.startsWith('.')) continue; // .vite/manifest.json is for the build, not for browsers
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.add(`/${relative(dir, path).split(sep).join('/')}`);
    }
  };
  walk(dir);
  return found;
}

/**
 * Serves the web app's build: precompressed (brotli or gzip, by Accept-Encoding) when the build has
 * the copy, immutable caching for hashed assets, and every other non-API path answered with
 * index.html (client-side routing). In production, source maps are not served at all.
 */
export function webStaticMiddleware(dir: string, options: { production: boolean }): express.Router {
  const files = listFiles(dir);
  const router = express.Router();

  /**
   * Picks the best precompressed copy of `path` the client accepts and sets the headers for it;
   * returns the copy's suffix ('' to send the file as it is).
   */
  const negotiate = (req: express.Request, res: express.Response, path: string): string => {
    const offered = ENCODINGS.filter((e) => files.has(`${path}${e.suffix}`));
    if (offered.length === 0) return '';
    res.vary('Accept-Encoding');
    const chosen = chooseEncoding(req.get('Accept-Encoding') ?? '', offered);
    if (!chosen) return '';
    // The type of the original file (send would otherwise derive it from .br/.gz).
    res.type(extname(path));
    res.setHeader('Content-Encoding', chosen.name);
    return chosen.suffix;
  };

  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || /^\/api(\/|$)/.test(req.path)) return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next(); // a malformed address is not one of our files
    }
    if (options.production && path.endsWith('.map')) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    if (!files.has(path) || path === '/index.html') return next();
    const suffix = negotiate(req, res, path);
    // The still-encoded path plus the suffix, so express.static decodes it as it would the original.
    if (suffix) req.url = `${req.path}${suffix}${req.url.slice(req.path.length)}`;
    next();
  });
  router.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        if (relative(dir, path).startsWith(`assets${sep}`)) res.setHeader('Cache-Control', IMMUTABLE);
      },
    }),
  );
  // Any other non-API path: the app's shell, never cached without revalidation.
  router.get(/^(?!\/api(\/|$)).*/, (req, res) => {
    const suffix = negotiate(req, res, '/index.html');
    res.setHeader('Cache-Control', REVALIDATE);
    res.type('html');
    res.sendFile(join(dir, `index.html${suffix}`), { cacheControl: false });
  });
  return router;
}
