import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Person, SessionService } from '@eclore/server-identity';
import { buildOpenApiDocument } from '../bootstrap';
import { makeCampaign, makeIdea } from '../../../../test/harness';
import {
  fieldPaths,
  hostilePathSegment,
  hostileQueryValue,
  hostileValue,
  plausible,
  plausibleRequired,
  withValueAt,
  type Components,
  type Schema,
} from './hostile-values';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

/**
 * Issue 10, "0 × 500 on hostile input": every write operation (POST/PUT/PATCH/DELETE) and every
 * query parameter of the OpenAPI document, driven by fast-check with hostile values (NUL, lone
 * surrogates, huge and deep values, wrong types, nulls, forged uuids and cursors, prototype keys),
 * each case as one of the demo roles (signed in afresh after anything accepted). Every answer must
 * be < 500; every 4xx a problem+json with a code, a validation failure naming its fields; a refused
 * request must change no row count. Sized by FUZZ_RUNS (cases per write operation; half that per query parameter) and a
 * fixed FUZZ_SEED so a failure replays.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 8);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_206);
const WHO = ['admin', 'author', 'network', 'committee', 'hr', 'guardian'] as const;
type Who = (typeof WHO)[number];
const PEOPLE: Record<Who, string> = {
  admin: 'Rochat',
  author: 'Girard',
  network: 'Gagnon',
  committee: 'Morel',
  hr: 'Favre',
  guardian: 'Dubois',
};

/**
 * Tables a refused request may still write, each for a reason that is the point of the request:
 * the sessions this test creates and the sign-in records of a refused login.
 */
const RECORDS_OF_THE_ATTEMPT = new Set(['session', 'migrations']);

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  query: string[];
  body: Schema | undefined;
  multipart: boolean;
}

interface Case {
  who: Who;
  url: string;
  body?: unknown;
  what: string;
}

interface Failure {
  operation: string;
  what: string;
  status: number;
  detail: string;
}

describe('fuzz: every write operation and query parameter of the OpenAPI document', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let operations: Operation[];
  let components: Components;
  const people = new Map<Who, string>();
  /** Real ids for path parameters, by the path segment before them; others get an unknown uuid. */
  const ids: Record<string, string> = {};
  let countSql: string;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'fuzz', seed: true });
    ({ app, ds } = ctx);
    for (const who of WHO)
      people.set(who, (await ds.getRepository(Person).findOneByOrFail({ familyName: PEOPLE[who] })).id);
    const author = await ds.getRepository(Person).findOneByOrFail({ familyName: PEOPLE.author });
    ids['ideas'] = (await makeIdea(ds, { authors: [author] })).id;
    ids['campaigns'] = (await makeCampaign(ds, { createdBy: author, phase: { supports: true, comments: true } })).id;
    // A colleague who is none of the roles above: deactivating them cannot lock a role out of the run.
    ids['people'] = (await ds.getRepository(Person).findOneByOrFail({ familyName: 'Pittet' })).id;

    const document = buildOpenApiDocument(app) as unknown as {
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            parameters?: { in: string; name: string }[];
            requestBody?: { content: Record<string, { schema: Schema }> };
          }
        >
      >;
      components: { schemas: Components };
    };
    components = document.components.schemas;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method as Operation['method'],
        path,
        operationId: op.operationId,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: op.requestBody?.content['application/json']?.schema,
        multipart: !!op.requestBody?.content['multipart/form-data'],
      })),
    );

    const tables = (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)) as {
      tablename: string;
    }[];
    const pairs = tables
      .filter((t) => !RECORDS_OF_THE_ATTEMPT.has(t.tablename))
      .map((t) => `'${t.tablename}', (SELECT count(*) FROM "${t.tablename}")`);
    // A PostgreSQL function takes at most 100 arguments: one object per 40 tables, merged.
    const objects: string[] = [];
    for (let i = 0; i < pairs.length; i += 40) objects.push(`jsonb_build_object(${pairs.slice(i, i + 40).join(', ')})`);
    countSql = `SELECT ${objects.join(' || ')} AS counts`;
  }, 120_000);

  afterAll(async () => {
    await ctx?.close();
  });

  const UNKNOWN = '00000000-0000-4000-8000-000000000000';
  /** The path with each `{param}` filled: a real id where the segment before it names a fixture. */
  const fillPath = (path: string, hostile?: string) =>
    path.replace(/\{(\w+)\}/g, (_m, _name: string, offset: number) => {
      if (hostile !== undefined) return hostile;
      const segment = path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
      return ids[segment] ?? UNKNOWN;
    });

  const counts = async () => ((await ds.query(countSql)) as { counts: Record<string, number> }[])[0]!.counts;

  /**
   * The roles that get past the access guard for this operation (it answers before validation, so a
   * 401/403 case tests nothing): probed once with an empty request. Admin when none does.
   */
  async function allowedRoles(op: Operation): Promise<Who[]> {
    // The probe may write (an empty body some operation accepts): the counts are taken again after it.
    lastCounts = null;
    const allowed: Who[] = [];
    for (const who of WHO) {
      const { token, session } = await app.get(SessionService).create(people.get(who)!, 'local');
      const res = await request(app.getHttpServer())
        [op.method](fillPath(op.path))
        .set('Cookie', `eclore_session=${token}`)
        .set('X-CSRF-Token', session.csrfToken)
        .set('Content-Type', 'application/json')
        .send(op.method === 'get' ? undefined : '{}');
      if (res.status !== 401 && res.status !== 403) allowed.push(who);
    }
    return allowed.length ? allowed : ['admin'];
  }

  const casesFor = (op: Operation, roles: Who[]): fc.Arbitrary<Case>[] => {
    const who = fc.constantFrom(...roles);
    const out: fc.Arbitrary<Case>[] = [];
    if (op.method !== 'get') {
      const base = op.body ? plausible(op.body, components, { uuid: ids['ideas']! }) : undefined;
      const paths = base !== undefined ? fieldPaths(base) : [];
      if (paths.length)
        out.push(
          fc.record({ who, path: fc.constantFrom(...paths), value: hostileValue }).map(({ who, path, value }) => ({
            who,
            url: fillPath(op.path),
            body: withValueAt(base, path, value),
            what: `body.${path} = ${preview(value)}`,
          })),
        );
      out.push(
        fc.record({ who, value: hostileValue }).map(({ who, value }) => ({
          who,
          url: fillPath(op.path),
          body: value,
          what: `body = ${preview(value)}`,
        })),
        fc
          .record({
            who,
            key: fc.constantFrom('unknownField', '__proto__', 'constructor', 'a\u0000b'),
            value: hostileValue,
          })
          .map(({ who, key, value }) => ({
            who,
            url: fillPath(op.path),
            body: {
              ...(typeof base === 'object' && base !== null ? base : {}),
              ...JSON.parse(JSON.stringify({ [key]: value })),
            },
            what: `body.${key} (unknown) = ${preview(value)}`,
          })),
      );
      if (op.path.includes('{'))
        out.push(
          fc.record({ who, segment: hostilePathSegment }).map(({ who, segment }) => ({
            who,
            url: fillPath(op.path, segment),
            body: base,
            what: `path param = ${segment}`,
          })),
        );
    }
    return out;
  };

  const queryCasesFor = (op: Operation, param: string, roles: Who[]): fc.Arbitrary<Case> =>
    fc.record({ who: fc.constantFrom(...roles), value: hostileQueryValue }).map(({ who, value }) => {
      const values = Array.isArray(value) ? value : [value];
      const qs = values.map((v) => `${param}=${encodeQuery(v)}`).join('&');
      return { who, url: `${fillPath(op.path)}?${qs}`, what: `query ${param} = ${preview(value)}` };
    });

  const statuses = new Map<number, number>();

  /**
   * Besides the random cases, a sweep: every body field and every query parameter once with each of
   * the values that answered 500 on main (NUL, a lone surrogate, an explicit null), so none depends
   * on the draw.
   */
  const sweepFor = (op: Operation, roles: Who[]): Case[] => {
    const out: Case[] = [];
    const role = () => roles[out.length % roles.length]!;
    if (op.method !== 'get' && op.body) {
      const base = plausible(op.body, components, { uuid: ids['ideas']! });
      // A top-level field goes into a body with only the required fields, which reaches the handler
      // (and the database) more often than one where every optional field is set too.
      const minimal = plausibleRequired(op.body, components, { uuid: ids['ideas']! });
      for (const path of fieldPaths(base))
        for (const value of ['sweep\u0000nul', 'sweep\ud800', null]) {
          const body = minimal && !path.includes('.') ? { ...minimal, [path]: value } : withValueAt(base, path, value);
          out.push({ who: role(), url: fillPath(op.path), body, what: `sweep body.${path} = ${preview(value)}` });
        }
    }
    for (const param of op.query)
      for (const value of ['sweep%00nul', 'sweep%ED%A0%80'])
        out.push({
          who: role(),
          url: `${fillPath(op.path)}?${param}=${value}`,
          what: `sweep query ${param} = ${value}`,
        });
    return out;
  };

  /**
   * The row counts as the last write case left them: the next write case starts from them instead of
   * counting again (counting every table is most of this test's time). A GET case drops them, so a
   * read that wrote something would still be caught by the next write case's own count.
   */
  let lastCounts: Record<string, number> | null = null;

  /**
   * A role's session, kept while its requests are refused or only read (a refused request changes
   * nothing, which is what each case checks); after anything accepted, the next case signs in afresh.
   */
  const sessions = new Map<Who, { token: string; csrfToken: string }>();

  async function sessionFor(who: Who): Promise<{ token: string; csrfToken: string }> {
    const kept = sessions.get(who);
    if (kept) return kept;
    const { token, session } = await app.get(SessionService).create(people.get(who)!, 'local');
    // Signing in writes its own rows (the session, its audit entry): the counts are taken after it.
    lastCounts = null;
    sessions.set(who, { token, csrfToken: session.csrfToken });
    return sessions.get(who)!;
  }

  async function run(op: Operation, c: Case, failures: Failure[]): Promise<void> {
    const { token, csrfToken } = await sessionFor(c.who);
    const before = op.method === 'get' ? null : (lastCounts ?? (await counts()));
    lastCounts = null;
    let req = request(app.getHttpServer())
      [op.method](`/api${c.url.replace(/^\/api/, '')}`)
      .set('Cookie', `eclore_session=${token}`)
      .set('X-CSRF-Token', csrfToken);
    if (c.body !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(c.body));
    const res = await req;
    const after = before ? await counts() : null;
    lastCounts = after;
    if (res.status < 400 && op.method !== 'get') sessions.delete(c.who);
    if (res.status === 401) sessions.delete(c.who);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const label = `${op.method.toUpperCase()} ${op.path} (${op.operationId})`;
    const fail = (detail: string) =>
      failures.push({ operation: label, what: `${c.who}: ${c.what}`, status: res.status, detail });
    if (res.status >= 500) return void fail(String(res.body?.detail ?? res.text).slice(0, 200));
    if (({} as Record<string, unknown>)['polluted'] !== undefined) fail('Object.prototype was polluted');
    if (res.status >= 400) {
      if (
        !/^application\/problem\+json/.test(String(res.headers['content-type'])) ||
        typeof res.body?.code !== 'string'
      )
        return void fail(
          `a ${res.status} that is not problem+json with a code: ${String(res.headers['content-type'])}`,
        );
      if (res.body.code === 'validation_failed') {
        const errors = res.body.errors as { field?: unknown }[] | undefined;
        if (!errors?.length || errors.some((e) => typeof e.field !== 'string' || !e.field))
          fail(`validation failure without named fields: ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      if (before && after) {
        const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
        if (changed.length) fail(`refused, yet rows changed in ${changed.join(', ')}`);
      }
    }
  }

  it('answers every hostile case below 500, as problem+json naming the field, storing nothing when refused', async () => {
    const failures: Failure[] = [];
    let cases = 0;
    let covered = 0;
    let seed = SEED;
    for (const op of operations) {
      if (op.method === 'get' && !op.query.length) continue;
      const roles = await allowedRoles(op);
      const arbitraries = casesFor(op, roles);
      const perQuery = op.query.map((q) => queryCasesFor(op, q, roles));
      covered += 1;
      const batches: Case[] = [
        ...sweepFor(op, roles),
        ...(arbitraries.length ? fc.sample(fc.oneof(...arbitraries), { seed: seed++, numRuns: RUNS }) : []),
        ...perQuery.flatMap((arb) => fc.sample(arb, { seed: seed++, numRuns: Math.max(1, Math.ceil(RUNS / 2)) })),
      ];
      for (const c of batches) {
        await run(op, c, failures);
        cases += 1;
      }
    }
    const fiveHundreds = failures.filter((f) => f.status >= 500).length;
    console.log(
      `fuzz: ${cases.toLocaleString('en')} cases over ${covered} operations (FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED}), ` +
        `${fiveHundreds} × 5xx, ${failures.length} failure(s); statuses ${[...statuses]
          .sort((a, b) => a[0] - b[0])
          .map(([k, v]) => `${k}×${v}`)
          .join(' ')}`,
    );
    expect(failures).toEqual([]);
  }, 1_200_000);
});

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as its raw UTF-8 bytes. */
function encodeQuery(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          const code = ch.charCodeAt(0);
          return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
        }
      })
      .join('');
  }
}
