// Keeps docker-compose.yml, the Dockerfiles and docs/configuration.md in agreement with the one
// configuration class (AppConfig). The required variables are asked of the class itself, never listed here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AppConfig, ConfigError, configVariableNames, loadConfig } from '@eclore/server-platform';

const root = join(__dirname, '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** The variables the configuration refuses to start without, for the given queue backend. */
function requiredVariables(queueBackend: string | undefined): string[] {
  try {
    loadConfig(queueBackend === undefined ? {} : { QUEUE_BACKEND: queueBackend });
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems.map((p) => p.variable).sort();
  }
}

/** A service's environment as the process sees it: strings, merge keys (`<<: *server-env`) applied. */
function environmentOf(service: ComposeService | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service?.environment ?? {})
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as ComposeFile;
const services = compose.services;

describe('docker-compose.yml', () => {
  it.each(['api', 'worker'])(
    'gives the %s every variable the configuration requires, and a valid environment',
    (name) => {
      const env = environmentOf(services[name]);
      const required = requiredVariables(env['QUEUE_BACKEND']);
      // The configuration has required variables (at least the database); an empty list would mean the
      // check below checks nothing.
      expect(required.length).toBeGreaterThan(0);
      expect(required.filter((variable) => !env[variable])).toEqual([]);
      expect(() => loadConfig(env)).not.toThrow();
    },
  );

  it.each(['api', 'worker'])('sets no variable the configuration does not read (%s)', (name) => {
    const known = new Set(configVariableNames());
    expect(Object.keys(environmentOf(services[name])).filter((key) => !known.has(key))).toEqual([]);
  });

  it('gives the api and the worker the same database and queue settings', () => {
    const api = environmentOf(services['api']);
    const worker = environmentOf(services['worker']);
    const shared = Object.keys(worker).filter((key) => key in api);
    expect(shared).toEqual(expect.arrayContaining(['DATABASE_URL', 'QUEUE_BACKEND', 'QUEUE_PREFIX']));
    expect(Object.fromEntries(shared.map((k) => [k, api[k]]))).toEqual(
      Object.fromEntries(shared.map((k) => [k, worker[k]])),
    );
  });

  it('points DATABASE_URL and REDIS_URL at the compose services and their credentials', () => {
    const env = environmentOf(services['api']);
    const pg = environmentOf(services['postgres']);
    const db = new URL(env['DATABASE_URL'] ?? '');
    expect(db.hostname in services).toBe(true);
    expect(services[db.hostname]?.image).toMatch(/^postgres:15\b/);
    expect([decodeURIComponent(db.username), decodeURIComponent(db.password), db.pathname.slice(1)]).toEqual([
      pg['POSTGRES_USER'],
      pg['POSTGRES_PASSWORD'],
      pg['POSTGRES_DB'],
    ]);
    const redis = new URL(env['REDIS_URL'] ?? '');
    expect(services[redis.hostname]?.image).toMatch(/^redis:7\b/);
  });

  it('runs Redis with the append-only file on and no eviction (BullMQ loses jobs otherwise)', () => {
    const command = (services['redis']?.command ?? []).join(' ');
    expect(command).toMatch(/--appendonly yes\b/);
    expect(command).toMatch(/--maxmemory-policy noeviction\b/);
  });

  it('gives every service a health check, and waits only on services that have one', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, healthcheck: Boolean(service.healthcheck) }).toEqual({ name, healthcheck: true });
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect({ name, dependency, exists: dependency in services }).toEqual({ name, dependency, exists: true });
        if (condition === 'service_healthy') expect(services[dependency]?.healthcheck).toBeDefined();
      }
    }
    expect(services['worker']?.depends_on?.['api']?.condition).toBe('service_healthy');
  });

  it('proxies the web tier to the api service', () => {
    const upstream = new URL(environmentOf(services['web'])['API_UPSTREAM'] ?? '');
    expect(upstream.hostname).toBe('api');
    expect(upstream.port).toBe(environmentOf(services['api'])['PORT']);
  });
});

describe('Dockerfiles', () => {
  const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
  const dockerfiles = Object.entries(services)
    .filter(([, s]) => s.build)
    .map(([name, s]) => [name, s.build?.dockerfile ?? ''] as const);

  it('builds api, worker and web from Dockerfiles that exist', () => {
    expect(dockerfiles.map(([name]) => name).sort()).toEqual(['api', 'web', 'worker']);
    for (const [, file] of dockerfiles)
      expect({ file, exists: existsSync(join(root, file)) }).toEqual({ file, exists: true });
  });

  it.each(['docker/api.Dockerfile', 'docker/worker.Dockerfile', 'docker/web.Dockerfile'])(
    '%s runs only npm scripts, copies only files, and starts only entry points that exist',
    (file) => {
      const text = read(file);
      const npmRuns = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] ?? '');
      expect(npmRuns.filter((script) => !scripts.includes(script))).toEqual([]);
      const copiedFromContext = [...text.matchAll(/^COPY (?!--from)(?:--\S+ )*(\S+) /gm)]
        .map((m) => m[1] ?? '')
        .filter((src) => src !== '.');
      for (const src of copiedFromContext)
        expect({ src, exists: existsSync(join(root, src)) }).toEqual({ src, exists: true });
      // `dist/server/<path>.js` is the SWC output of `<path>.ts` (scripts/build-server.mjs).
      for (const [, compiled] of text.matchAll(/"dist\/server\/([\w/.-]+)\.js"/g)) {
        expect({ compiled, source: existsSync(join(root, `${compiled}.ts`)) }).toEqual({ compiled, source: true });
      }
      expect(text).toMatch(/^FROM node:22-bookworm-slim|^ARG NODE_IMAGE=node:22-bookworm-slim$/m);
      expect(text).toMatch(/^USER |nginx-unprivileged/m);
    },
  );
});

describe('docs/configuration.md', () => {
  const text = read('docs/configuration.md');
  const table = /<!-- config-table:start -->([\s\S]*?)<!-- config-table:end -->/.exec(text)?.[1] ?? '';
  const rows = new Map(
    table
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map((cells) => [/^`([A-Z0-9_]+)`$/.exec(cells[1] ?? '')?.[1], cells] as const)
      .filter((row): row is readonly [string, string[]] => row[0] !== undefined),
  );

  it('documents every variable the configuration reads, and no other', () => {
    const documented = [...rows.keys()].sort();
    const read = configVariableNames();
    expect({
      missing: read.filter((v) => !documented.includes(v)),
      stale: documented.filter((v) => !read.includes(v)),
    }).toEqual({
      missing: [],
      stale: [],
    });
  });

  it("states each variable's default as the configuration class has it", () => {
    const defaults = new AppConfig() as unknown as Record<string, unknown>;
    for (const [variable, cells] of rows) {
      const value = defaults[variable];
      const expected = value === undefined ? '—' : `\`${String(value)}\``;
      expect({ variable, default: cells[2] }).toEqual({ variable, default: expected });
    }
  });

  it('marks as required exactly the variables the configuration requires (for either queue backend)', () => {
    const required = new Set([...requiredVariables('redis'), ...requiredVariables('postgres')]);
    expect(required.size).toBeGreaterThan(0);
    for (const [variable, cells] of rows) {
      const saysOptional = /^no\b/.test(cells[3] ?? '');
      expect({ variable, required: !saysOptional }).toEqual({ variable, required: required.has(variable) });
    }
  });
});
