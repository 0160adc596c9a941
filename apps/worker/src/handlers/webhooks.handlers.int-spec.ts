import 'reflect-metadata';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { dataSourceOptions, seed } from '@eclore/migrations';
import { AuditService, Person } from '@eclore/server-identity';
import { Idea, IdeaAccess, IdeaAuthor } from '@eclore/server-ideas';
import { OutboxService, loadConfig } from '@eclore/server-platform';
import {
  WebhookDelivery,
  WebhookSender,
  WebhookSubscription,
  WebhooksAdminService,
  generateWebhookSecret,
  parseWebhookAllowList,
  verifyWebhookSignature,
  type WebhookBody,
} from '@eclore/server-webhooks';
import { createTestDatabase, uniqueQueuePrefix } from '../../../../test/database';
import { TEST_REDIS_URL } from '../../../../test/services';
import { WorkerProcess, waitFor } from '../testing/worker-process';

/**
 * Outgoing webhooks end to end in the built worker: idea_event → outbox → webhooks.dispatch →
 * deliveries → webhooks.deliver → a real HTTP receiver (node:http on 127.0.0.1) that checks the
 * signature as an integrator would. Retries use the relay's BullMQ attempts/backoff (2 s, doubling).
 */
jest.setTimeout(60_000);

const PUBLIC_URL = 'https://eclore.example';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: WebhookBody;
}

describe('outgoing webhooks (worker process, real PostgreSQL, Redis and HTTP receiver)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let worker: WorkerProcess | undefined;
  let server: Server;
  let base: string;
  const received: Received[] = [];
  /** Statuses the receiver answers on a path, in order; 200 once they run out. */
  const script = new Map<string, number[]>();
  let girard: Person;
  let morel: Person;
  let counter = 0;

  const at = (path: string) => received.filter((r) => r.path === path);

  async function subscribe(path: string, eventTypes: string[], active = true) {
    const secret = generateWebhookSecret();
    const row = await ds
      .getRepository(WebhookSubscription)
      .save({ url: `${base}${path}`, description: null, eventTypes, secret, active, createdBy: null });
    return { id: row.id, secret };
  }

  async function idea(options: { author: Person; anonymous?: boolean; published?: boolean }): Promise<Idea> {
    counter += 1;
    const now = new Date();
    const published = options.published ?? true;
    const repo = ds.getRepository(Idea);
    const row = repo.create({
      kind: 'problem',
      status: published ? 'visible' : 'emerge',
      title: `Webhook idea ${counter}`,
      summary: 'A recurring irritant',
      bodyHtml: '<p>Details</p>',
      authorId: options.author.id,
      anonymous: options.anonymous ?? false,
      orgUnitId: null,
      campaignId: null,
      themes: [],
      submittedAt: published ? now : null,
      publishedAt: published ? now : null,
    });
    await repo.insert(row);
    await ds.getRepository(IdeaAuthor).insert({
      ideaId: row.id,
      personId: options.author.id,
      role: 'author',
      status: 'accepted',
      invitedBy: null,
      invitedAt: now,
      respondedAt: now,
    });
    return repo.findOneByOrFail({ id: row.id });
  }

  /** Appends an idea event the way the ideas context does (with its outbox messages); returns its id. */
  async function emit(
    ideaId: string,
    e: { type: string; actorId: string | null; public?: boolean; data?: Record<string, unknown> },
  ): Promise<string> {
    return ds.transaction(async (manager) => {
      await new IdeaAccess(ds).appendEvent(manager, {
        ideaId,
        type: e.type,
        fromStatus: null,
        toStatus: null,
        actorId: e.actorId,
        public: e.public ?? false,
        data: e.data ?? {},
      });
      const [row] = (await manager.query('SELECT max(id)::text AS id FROM idea_event WHERE idea_id = $1', [
        ideaId,
      ])) as {
        id: string;
      }[];
      return row!.id;
    });
  }

  const deliveriesOf = (subscriptionId: string) =>
    ds.getRepository(WebhookDelivery).find({ where: { subscriptionId }, order: { createdAt: 'ASC' } });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        received.push({ path, headers: req.headers, raw, body: JSON.parse(raw) as WebhookBody });
        const status = script.get(path)?.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? `nope ${status}` : 'ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    db = await createTestDatabase('webhooks');
    ds = new DataSource(dataSourceOptions(db.url, { poolSize: 4 } as never));
    await ds.initialize();
    await seed(ds);
    // The demo data's own idea events are not this test's subject: without this the worker would
    // dispatch them to the subscriptions the tests create (an "accept" arriving before "commented").
    await ds.query(`DELETE FROM outbox_message`);
    girard = await ds.getRepository(Person).findOneByOrFail({ familyName: 'Girard' });
    morel = await ds.getRepository(Person).findOneByOrFail({ familyName: 'Morel' });
    worker = await WorkerProcess.start({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix('webhooks'),
      PUBLIC_URL,
      // The receiver is on this machine: exactly what the allow-list is for (public addresses only otherwise).
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await ds?.destroy();
    await db?.drop();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('sends a signed body the receiver can verify, to the active subscriptions of that event type only', async () => {
    const hook = await subscribe('/signed', ['commented', 'accept']);
    const other = await subscribe('/other-type', ['accept']);
    const off = await subscribe('/inactive', ['commented'], false);
    const named = await idea({ author: girard });
    const eventId = await emit(named.id, {
      type: 'commented',
      actorId: morel.id,
      data: { commentId: '42', parentId: null },
    });

    const [got] = await waitFor('the signed delivery', () => (at('/signed').length > 0 ? at('/signed') : undefined));
    const h = got!.headers;
    expect(
      verifyWebhookSignature(hook.secret, String(h['x-eclore-timestamp']), got!.raw, String(h['x-eclore-signature'])),
    ).toBe(true);
    // The check fails on a changed body, another secret or another timestamp.
    const ts = String(h['x-eclore-timestamp']);
    const sig = String(h['x-eclore-signature']);
    // One byte more (still the same JSON) is enough: the signature covers the exact bytes.
    expect(verifyWebhookSignature(hook.secret, ts, `${got!.raw} `, sig)).toBe(false);
    expect(verifyWebhookSignature(other.secret, ts, got!.raw, sig)).toBe(false);
    expect(verifyWebhookSignature(hook.secret, String(Number(ts) - 1), got!.raw, sig)).toBe(false);
    expect(h['x-eclore-event']).toBe('commented');
    expect(h['content-type']).toBe('application/json');

    const [delivery] = await waitFor('the delivery to be recorded as sent', async () => {
      const rows = await deliveriesOf(hook.id);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(h['x-eclore-delivery']).toBe(delivery!.id);
    expect(delivery).toMatchObject({ ideaEventId: eventId, eventType: 'commented', attempts: 1, lastStatus: 200 });
    expect(got!.body).toEqual({
      id: eventId,
      type: 'commented',
      occurredAt: expect.any(String),
      idea: {
        id: named.id,
        title: named.title,
        kind: 'problem',
        status: 'visible',
        url: `${PUBLIC_URL}/ideas/${named.id}`,
      },
      data: {
        fromStatus: null,
        toStatus: null,
        commentId: '42',
        actor: { kind: 'person', id: morel.id, givenName: morel.givenName, familyName: morel.familyName },
      },
    });
    expect(await deliveriesOf(other.id)).toEqual([]);
    expect(await deliveriesOf(off.id)).toEqual([]);
  });

  it('says nothing about an idea that is not on the public wall', async () => {
    const hook = await subscribe('/drafts', ['edited']);
    const draft = await idea({ author: girard, published: false });
    const eventId = await emit(draft.id, { type: 'edited', actorId: girard.id });
    // Run the dispatch here too (the worker may be running it as well: both create nothing).
    expect(await new WebhookSender(ds, { publicUrl: PUBLIC_URL }).dispatch(eventId)).toEqual([]);
    await waitFor('the worker to process the dispatch', async () => {
      const [row] = (await ds.query(
        `SELECT dispatched_at FROM outbox_message WHERE job_name = 'webhooks.dispatch' AND payload->>'ideaEventId' = $1`,
        [eventId],
      )) as { dispatched_at: Date | null }[];
      return row?.dispatched_at ? true : undefined;
    });
    expect(await deliveriesOf(hook.id)).toEqual([]);
  });

  it('retries after a 500 and a 429 with backoff, then records exactly one success', async () => {
    script.set('/flaky', [500, 429]);
    const hook = await subscribe('/flaky', ['commented']);
    const named = await idea({ author: girard });
    await emit(named.id, { type: 'commented', actorId: morel.id, data: { commentId: '7' } });

    const [delivery] = await waitFor(
      'the delivery to succeed on the third attempt',
      async () => {
        const rows = await deliveriesOf(hook.id);
        return rows[0]?.status === 'sent' ? rows : undefined;
      },
      30_000,
    );
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3, lastStatus: 200, lastError: null });
    const calls = at('/flaky');
    expect(calls).toHaveLength(3);
    // The same delivery id on every attempt, so a receiver can tell a retry from a new event.
    expect(new Set(calls.map((c) => c.headers['x-eclore-delivery']))).toEqual(new Set([delivery!.id]));
    for (const c of calls) {
      expect(
        verifyWebhookSignature(
          hook.secret,
          String(c.headers['x-eclore-timestamp']),
          c.raw,
          String(c.headers['x-eclore-signature']),
        ),
      ).toBe(true);
    }
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
  });

  it('marks a 4xx answer (other than 429) as failed without retrying', async () => {
    script.set('/gone', [410, 410, 410]);
    const hook = await subscribe('/gone', ['commented']);
    const named = await idea({ author: girard });
    await emit(named.id, { type: 'commented', actorId: morel.id, data: { commentId: '8' } });

    const [delivery] = await waitFor('the delivery to fail', async () => {
      const rows = await deliveriesOf(hook.id);
      return rows[0]?.status === 'failed' ? rows : undefined;
    });
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 410, nextAttemptAt: null });
    // An error class, never the receiver's answer ("nope 410").
    expect(delivery!.lastError).toBe('http_410');
    // Its job completed (no retry scheduled): the receiver was called once.
    const [outbox] = (await ds.query(
      `SELECT id::text AS id FROM outbox_message WHERE job_name = 'webhooks.deliver' AND payload->>'deliveryId' = $1`,
      [delivery!.id],
    )) as { id: string }[];
    await waitFor('this delivery job to complete', () =>
      worker!.logLines().some((l) => l.jobId === `outbox-${outbox!.id}` && l.msg === 'job completed')
        ? true
        : undefined,
    );
    expect(at('/gone')).toHaveLength(1);
  });

  it('refuses at send time a receiver the allow-list does not cover, without calling it or retrying', async () => {
    // Stored directly (as if registered before the rule, or by a name that later resolved inward):
    // the worker checks the resolved address itself. `localhost` is not on the allow-list.
    const port = new URL(base).port;
    const row = await ds.getRepository(WebhookSubscription).save({
      url: `http://localhost:${port}/forbidden`,
      description: null,
      eventTypes: ['commented'],
      secret: generateWebhookSecret(),
      active: true,
      createdBy: null,
    });
    const named = await idea({ author: girard });
    await emit(named.id, { type: 'commented', actorId: morel.id, data: { commentId: '12' } });
    const [delivery] = await waitFor('the delivery to fail', async () => {
      const rows = await deliveriesOf(row.id);
      return rows[0]?.status === 'failed' ? rows : undefined;
    });
    expect(delivery).toMatchObject({
      attempts: 1,
      lastStatus: null,
      lastError: 'forbidden_address',
      nextAttemptAt: null,
    });
    expect(at('/forbidden')).toEqual([]);
  });

  it('never creates a second delivery or a second POST when jobs run again', async () => {
    const hook = await subscribe('/once', ['commented']);
    const named = await idea({ author: girard });
    const eventId = await emit(named.id, { type: 'commented', actorId: morel.id, data: { commentId: '9' } });
    const sender = new WebhookSender(ds, { publicUrl: PUBLIC_URL, policy: parseWebhookAllowList('127.0.0.1') });
    // Two dispatch runs racing the worker's own (a retried or re-enqueued dispatch job).
    await Promise.all([sender.dispatch(eventId), sender.dispatch(eventId)]);
    const [delivery] = await waitFor('the delivery to be sent', async () => {
      const rows = await deliveriesOf(hook.id);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(await sender.dispatch(eventId)).toEqual([]);
    // A deliver job run again (stalled job, duplicate message) finds it sent and does not POST.
    expect(await sender.deliver(delivery!.id, { attempt: 1, maxAttempts: 10, nextDelayMs: 2000 })).toEqual({
      result: 'skipped',
      reason: 'already_sent',
    });
    expect(await deliveriesOf(hook.id)).toHaveLength(1);
    const [{ n }] = (await ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'webhooks.deliver' AND payload->>'deliveryId' = $1`,
      [delivery!.id],
    )) as [{ n: number }];
    expect(n).toBe(1);
    expect(at('/once')).toHaveLength(1);
  });

  it('never puts an anonymous author in a payload', async () => {
    const hook = await subscribe('/anon', ['commented', 'withdraw', 'merged']);
    const secret = await idea({ author: girard, anonymous: true });
    const control = await idea({ author: girard });
    // The anonymous author comments (the ideas context records no actor), withdraws (a public
    // lifecycle event that does carry their id), and the idea is merged (recipients listed in data).
    await emit(secret.id, { type: 'commented', actorId: null, data: { commentId: '10', byAnonymousAuthor: true } });
    await emit(secret.id, { type: 'withdraw', actorId: girard.id, public: true, data: {} });
    await emit(secret.id, {
      type: 'merged',
      actorId: morel.id,
      public: true,
      data: {
        targetId: control.id,
        reason: 'Same irritant',
        recipients: { authorsOfIdeaId: secret.id, supporterIds: [girard.id], followerIds: [girard.id] },
      },
    });
    // Control: the same person on a named idea does appear, so the scan below can find them.
    await emit(control.id, { type: 'commented', actorId: girard.id, data: { commentId: '11' } });

    const bodies = await waitFor('four deliveries', () => (at('/anon').length >= 4 ? at('/anon') : undefined), 20_000);
    const onSecret = bodies.filter((b) => b.body.idea?.id === secret.id);
    const onControl = bodies.filter((b) => b.body.idea?.id === control.id);
    expect(onSecret.map((b) => b.body.type).sort()).toEqual(['commented', 'merged', 'withdraw']);
    const identity = [girard.id, girard.givenName, girard.familyName, girard.email];
    for (const b of onSecret) {
      const everything = b.raw + JSON.stringify(b.headers);
      for (const needle of identity) expect(everything).not.toContain(needle);
    }
    expect(onSecret.find((b) => b.body.type === 'withdraw')!.body.data['actor']).toEqual({ kind: 'author' });
    expect(onSecret.find((b) => b.body.type === 'commented')!.body.data['actor']).toEqual({ kind: 'author' });
    expect(onSecret.find((b) => b.body.type === 'merged')!.body.data).toMatchObject({
      actor: { kind: 'person', id: morel.id },
      text: 'Same irritant',
      mergedIntoIdeaId: control.id,
    });
    expect(onControl[0]!.raw).toContain(girard.id);
    expect(await deliveriesOf(hook.id)).toHaveLength(4);
  });

  it('sends a signed ping for the admin test button', async () => {
    const hook = await subscribe('/ping', ['accept']);
    const admin = new WebhooksAdminService(
      ds,
      new AuditService(),
      new OutboxService(),
      loadConfig({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }),
    );
    const queued = await admin.ping(hook.id);
    expect(queued).toMatchObject({ eventType: 'ping', status: 'pending' });
    const [got] = await waitFor('the ping', () => (at('/ping').length > 0 ? at('/ping') : undefined));
    expect(got!.body).toMatchObject({ id: queued.id, type: 'ping', idea: null, data: { subscriptionId: hook.id } });
    expect(
      verifyWebhookSignature(
        hook.secret,
        String(got!.headers['x-eclore-timestamp']),
        got!.raw,
        String(got!.headers['x-eclore-signature']),
      ),
    ).toBe(true);
  });
});
