import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { WEBHOOK_EVENT_TYPES, WebhookSubscription, generateWebhookSecret } from '@eclore/server-webhooks';
import { createTestDatabase, uniqueQueuePrefix } from '../../../../test/database';
import { TEST_REDIS_URL } from '../../../../test/services';
import { SmtpSink } from '../../../../test/smtp-sink';
import { buildOpenApiDocument, createApiApp } from '../bootstrap';
import { startBuiltWorker, waitFor } from '../notifications/built-worker';
import { buildAnonymityDataset, markersOf, VIEWERS, type AnonymityDataset, type Viewer } from './anonymity-dataset';
import { pdfLines } from '../../../../test/pdf-text';
import { binaryBody } from '../../../../test/harness';

/**
 * The anonymity leak scan. On a data set holding anonymous ideas in every state (draft, submitted,
 * published with a co-author, captured on the author's behalf and commented on by its capturer,
 * merged into a named idea, linked from a named solution, in qualification, on a committee agenda,
 * decided), EVERY GET operation of the OpenAPI document is called as every kind of person, and every
 * e-mail and webhook body the run produced is read. Wherever an anonymous idea is referred to (its
 * id or title in the URL or the body), the identity of the people hidden on it (id, e-mail, employee
 * number, name) must not appear, except to themselves and to their fellow authors of an anonymous
 * idea. The guardian sees it only through the audited reveal (a POST, checked apart).
 *
 * The operations come from the document, not from a list: a new GET route is scanned the day it exists.
 * The worker runs from the server build (`node scripts/build-server.mjs` first, as `npm test` does).
 */
jest.setTimeout(600_000);

interface Leak {
  operation: string;
  where: string;
  viewer: Viewer | 'outsider';
  idea: string;
  person: Viewer;
  marker: string;
}

interface Scanned {
  leaks: Leak[];
  /** (viewer, person) pairs where a hidden identity was shown to someone allowed to see it. */
  allowedSightings: Set<string>;
}

/**
 * The parts of an answer that speak of an idea: all of it when the URL or a text body names the
 * idea; in a JSON body, each list element (or the whole body, outside lists) holding one of its refs.
 * A list mixing ideas is read element by element, so a name allowed beside one idea does not excuse
 * it beside another.
 */
function contexts(where: string, text: string, json: unknown, refs: string[]): string[] {
  if (refs.some((r) => where.includes(r))) return [text];
  if (json === undefined) return refs.some((r) => text.includes(r)) ? [text] : [];
  const anchors = new Set<unknown>();
  const walk = (node: unknown, anchor: unknown): void => {
    if (typeof node === 'string') {
      if (refs.some((r) => node.includes(r))) anchors.add(anchor);
    } else if (Array.isArray(node)) for (const el of node) walk(el, el);
    else if (node && typeof node === 'object') for (const v of Object.values(node)) walk(v, anchor);
  };
  walk(json, json);
  return [...anchors].map((a) => JSON.stringify(a));
}

function scan(
  data: AnonymityDataset,
  operation: string,
  where: string,
  viewer: Viewer | 'outsider',
  text: string,
  out: Scanned,
): void {
  let json: unknown;
  try {
    json = text.trimStart().startsWith('{') || text.trimStart().startsWith('[') ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  for (const credit of data.credits) {
    for (const context of contexts(where, text, json, [credit.ideaId, credit.title])) {
      for (const person of credit.hidden) {
        const allowed =
          viewer === person ||
          (viewer !== 'outsider' && credit.circle.includes(viewer) && credit.circle.includes(person));
        for (const marker of markersOf(data.as[person].person)) {
          if (!context.includes(marker)) continue;
          if (allowed) out.allowedSightings.add(`${viewer}→${person}`);
          else out.leaks.push({ operation, where, viewer, idea: credit.label, person, marker });
        }
      }
    }
  }
}

/** The ids that fit a path parameter, judged by the path segment before it (the document's words). */
function valuesFor(data: AnonymityDataset, path: string, param: ParameterObject): string[] {
  const schema = (param.schema ?? {}) as SchemaObject;
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  const before = path.split(`{${param.name}}`)[0]!.split('/').filter(Boolean).pop() ?? '';
  const byKind: Record<string, string[]> = {
    ideas: data.ids.ideas,
    campaigns: data.ids.campaigns,
    sessions: data.ids.sessions,
    people: data.ids.people,
    'org-units': data.ids.units,
    recognitions: data.ids.recognitions,
  };
  return byKind[before] ?? [...data.ids.ideas, ...data.ids.sessions, ...data.ids.people, ...data.ids.units];
}

/** Free-text queries: words of the data set's titles, so searches find its ideas. */
const TEXT_QUERIES = new Set(['q', 'title', 'summary']);

/**
 * Every concrete URL of a GET operation: path parameters from the data set, required queries
 * filled, then one variant per value of each optional filter (an enum's values, an id filter's ids),
 * so a filtered list is read as well as the default one.
 */
function urlsOf(data: AnonymityDataset, path: string, params: ParameterObject[]): string[] {
  let urls = [path];
  for (const p of params.filter((x) => x.in === 'path')) {
    const values = valuesFor(data, path, p);
    urls = urls.flatMap((u) => values.map((v) => u.replace(`{${p.name}}`, encodeURIComponent(v))));
  }
  const queries = params.filter((p) => p.in === 'query');
  const base = queries
    .filter((p) => p.required || TEXT_QUERIES.has(p.name))
    .map((p) => `${p.name}=${encodeURIComponent(TEXT_QUERIES.has(p.name) ? 'Leak scan' : queryValue(p))}`);
  const variants: string[][] = [base];
  for (const p of queries.filter((q) => !q.required && !TEXT_QUERIES.has(q.name))) {
    for (const v of filterValues(data, p)) variants.push([...base, `${p.name}=${encodeURIComponent(v)}`]);
  }
  return urls.flatMap((u) => variants.map((q) => (q.length ? `${u}?${q.join('&')}` : u)));
}

/** The values worth filtering an answer by: an enum's, or the data set's ids for an id filter. */
function filterValues(data: AnonymityDataset, p: ParameterObject): string[] {
  const schema = (p.schema ?? {}) as SchemaObject;
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  if (/^(person|assignee|actor|member)Id$/.test(p.name)) return data.ids.people;
  if (/^(subject|idea|exclude)Id$/.test(p.name)) return data.ids.ideas;
  if (p.name === 'orgUnitId') return data.ids.units;
  if (p.name === 'campaignId') return data.ids.campaigns;
  return [];
}

function queryValue(p: ParameterObject): string {
  const schema = (p.schema ?? {}) as SchemaObject;
  // A year the data set lives in (the annual figures), so the answer is read, not refused.
  if (p.name === 'year') return String(new Date().getUTCFullYear());
  return Array.isArray(schema.enum) ? String(schema.enum[0]) : 'x';
}

describe('anonymity leak scan: every GET × every kind of person, every e-mail and webhook body', () => {
  const saved = { ...process.env };
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: NestExpressApplication;
  let ds: DataSource;
  let sink: SmtpSink;
  let receiver: Server;
  let worker: { stop: () => Promise<void> } | undefined;
  let data: AnonymityDataset;
  const webhookBodies: string[] = [];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        webhookBodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    db = await createTestDatabase('leakscan');
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix('leakscan'),
      PUBLIC_URL: 'http://eclore.test:3000',
      SMTP_URL: sink.url,
      // The receiver is on this machine: an intranet receiver, allowed explicitly (finding 6).
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    };
    Object.assign(process.env, env, { LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    app = await createApiApp({ logger: false });
    await app.init();
    ds = app.get(DataSource);
    await ds.getRepository(WebhookSubscription).insert({
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      description: null,
      eventTypes: [...WEBHOOK_EVENT_TYPES],
      secret: generateWebhookSecret(),
      active: true,
      createdBy: null,
    });
    worker = await startBuiltWorker({ ...env, LOG_LEVEL: 'warn' });
    data = await buildAnonymityDataset(app, ds);
    await settle();
    // The digests carry what was not mailed at once (followed ideas): run them too, then settle again.
    for (const frequency of ['daily', 'weekly'])
      await data.as.admin
        .send('post', '/api/admin/digests/run', { frequency, now: '2099-01-05T07:00:00Z' })
        .expect(202);
    await settle();
  });

  /** Waits until everything the run set in motion has left: relayed, notified, mailed, posted. */
  async function settle(): Promise<void> {
    // A relayed message is a queued job whose rows do not exist yet: wait for nothing pending AND
    // nothing new (notifications, deliveries, mails, webhook bodies) over two seconds.
    let last = '';
    let stableSince = Date.now();
    await waitFor(
      'the outbox, the notifications, the e-mails and the webhooks to settle',
      async () => {
        const [row] = (await ds.query(
          `SELECT (SELECT count(*) FROM outbox_message WHERE dispatched_at IS NULL)
                + (SELECT count(*) FROM notification_delivery WHERE status IN ('pending', 'sending'))
                + (SELECT count(*) FROM webhook_delivery WHERE status = 'pending') AS pending,
                  (SELECT count(*) FROM notification) || '/' || (SELECT count(*) FROM notification_delivery)
                  || '/' || (SELECT count(*) FROM webhook_delivery)
                  -- The contribution ledger too: credit shares and "my contributions" read it.
                  || '/' || (SELECT count(*) FROM contribution)
                  -- and the recognition due items its job opens.
                  || '/' || (SELECT count(*) FROM recognition) AS seen`,
        )) as { pending: string; seen: string }[];
        const now = `${row!.pending}|${row!.seen}|${sink.messages.length}|${webhookBodies.length}`;
        if (now !== last) [last, stableSince] = [now, Date.now()];
        return Number(row!.pending) === 0 && Date.now() - stableSince >= 2_000;
      },
      120_000,
    );
    await sink.settled();
  }

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await sink?.stop();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    await db?.drop();
    process.env = saved;
  });

  it('names no hidden author in any GET answer, to anyone but themselves and their fellow authors', async () => {
    const document = buildOpenApiDocument(app) as OpenAPIObject;
    const out: Scanned = { leaks: [], allowedSightings: new Set() };
    let calls = 0;
    let operations = 0;
    let pdfs = 0;
    const statuses = new Map<number, number>();
    for (const [path, item] of Object.entries(document.paths)) {
      const op = item.get;
      if (!op) continue;
      const key = `GET ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      operations += 1;
      for (const url of urlsOf(data, path, (op.parameters ?? []) as ParameterObject[])) {
        // The people read one URL together (reads only: the order between them does not matter).
        // A signed-out visitor too: what is public must hide the same people.
        const readers: { viewer: Viewer | 'outsider'; get: () => request.Test }[] = [
          ...VIEWERS.map((viewer) => ({ viewer, get: () => data.as[viewer].get(url) })),
          { viewer: 'outsider' as const, get: () => request(app.getHttpServer()).get(url) },
        ];
        const answers = await Promise.all(
          readers.map(async ({ viewer, get }) => ({ viewer, res: await get().buffer(true).parse(binaryBody) })),
        );
        for (const { viewer, res } of answers) {
          calls += 1;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect({ url, viewer, status: res.status < 500 ? 'not 5xx' : res.status }).toMatchObject({
            status: 'not 5xx',
          });
          const type = String(res.headers['content-type'] ?? '');
          const body = res.body as Buffer;
          const pdf = type.includes('pdf') && res.status === 200;
          const text = /json|text|html/.test(type) ? body.toString('utf8') : pdf ? await pdfLines(body) : '';
          if (pdf) pdfs += 1;
          scan(data, key, url, viewer, text, out);
        }
      }
    }
    console.log(
      `anonymity leak scan: ${operations} GET operations, ${calls} (URL × person) calls, a signed-out visitor included (${pdfs} PDFs read); statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(operations).toBeGreaterThan(40);
    // The ledger holds the hidden authors' own entries, so its routes were read with something to leak.
    const [ledger] = (await ds.query(
      `SELECT count(*)::int AS n FROM contribution WHERE anonymous AND person_id = ANY($1::uuid[])`,
      [[data.as.author.person.id, data.as.coAuthor.person.id]],
    )) as { n: number }[];
    expect(ledger!.n).toBeGreaterThan(0);
    expect(out.leaks).toEqual([]);
    // The scan can see: each author finds themself, fellow authors each other, the capturer the author.
    expect([...out.allowedSightings]).toEqual(
      expect.arrayContaining(['author→author', 'coAuthor→coAuthor', 'author→coAuthor', 'capturer→author']),
    );
  });

  it('shows the author to the guardian through the audited reveal only', async () => {
    const res = await data.as.guardian
      .send('post', `/api/ideas/${data.revealIdeaId}/reveal-author`, { reason: 'Enquête pour harcèlement' })
      .expect(200);
    expect(JSON.stringify(res.body)).toContain(data.as.author.person.id);
  });

  it('names no hidden author in any e-mail, except to themselves and their fellow authors', async () => {
    const byEmail = new Map(VIEWERS.map((v) => [data.as[v].person.email.toLowerCase(), v]));
    const out: Scanned = { leaks: [], allowedSightings: new Set() };
    for (const mail of sink.messages) {
      for (const to of mail.to) {
        scan(
          data,
          'e-mail',
          `"${mail.subject}" to ${to}`,
          byEmail.get(to.toLowerCase()) ?? 'outsider',
          `${mail.subject}\n${mail.text}\n${mail.html}`,
          out,
        );
      }
    }
    console.log(`anonymity leak scan: ${sink.messages.length} e-mails read`);
    expect(sink.messages.length).toBeGreaterThan(0);
    // The hidden author recognised (docs/recognition.md §3) was told, by name, and no one else.
    const recognised = (await ds.query(
      `SELECT p.email FROM recognition r JOIN person p ON p.id = r.person_id WHERE r.status = 'recorded'`,
    )) as { email: string }[];
    expect(recognised).toHaveLength(1);
    expect([data.as.author.person.email, data.as.coAuthor.person.email]).toContain(recognised[0]!.email);
    const told = sink.messages.filter((m) => /reconnaissance|recognises/.test(m.subject));
    expect(told.map((m) => m.to)).toEqual([[recognised[0]!.email]]);
    expect(out.leaks).toEqual([]);
  });

  it('names no hidden author in any webhook body', () => {
    const out: Scanned = { leaks: [], allowedSightings: new Set() };
    for (const body of webhookBodies) scan(data, 'webhook', 'webhook', 'outsider', body, out);
    console.log(`anonymity leak scan: ${webhookBodies.length} webhook bodies read`);
    expect(webhookBodies.length).toBeGreaterThan(0);
    expect(out.leaks).toEqual([]);
  });
});
