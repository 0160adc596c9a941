import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditEvent } from '@eclore/server-identity';
import { OutboxMessage } from '@eclore/server-platform';
import { WEBHOOK_EVENT_TYPES, WebhookDelivery, WebhookSubscription } from '@eclore/server-webhooks';
import type { SignedIn } from '../../../../test/harness/agent';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

interface Problem {
  code: string;
  errors?: { field: string; code: string }[];
}

/** The webhooks admin API on the real application (seeded demo organisation, real PostgreSQL and Redis). */
describe('webhooks admin API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let admin: SignedIn;
  let employee: SignedIn;

  const audits = (subjectId: string) =>
    ds.getRepository(AuditEvent).find({ where: { subjectId }, order: { id: 'ASC' } });
  const fieldsOf = (body: Problem) => (body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    // One intranet receiver allowed by the operator; every other internal address stays refused.
    ctx = await createApiTestContext({
      label: 'webhooks_api',
      seed: true,
      env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.9,hooks.intranet' },
    });
    ({ ds } = ctx);
    admin = await ctx.signInDemo('Rochat');
    employee = await ctx.signInDemo('Girard');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('creates a webhook, shows its secret once, lists it without, and audits it', async () => {
    const res = await admin
      .send('post', '/api/admin/webhooks', {
        url: 'https://hooks.example.org/eclore',
        description: '  Teams channel  ',
        eventTypes: ['accept', 'commented'],
      })
      .expect(201);
    expect(res.body).toMatchObject({
      url: 'https://hooks.example.org/eclore',
      description: 'Teams channel',
      eventTypes: ['accept', 'commented'],
      active: true,
      createdBy: { id: admin.personId },
    });
    const secret = res.body.secret as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    const stored = await ds.getRepository(WebhookSubscription).findOneByOrFail({ id: res.body.id as string });
    expect(stored.secret).toBe(secret);

    const list = await admin.agent.get('/api/admin/webhooks').expect(200);
    expect(list.body.eventTypes).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(list.body.items.map((w: { id: string }) => w.id)).toContain(res.body.id);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const [created] = await audits(res.body.id as string);
    expect(created).toMatchObject({ action: 'webhook.created', actorId: admin.personId });
    expect(JSON.stringify(created!.data)).not.toContain(secret);
  });

  it.each([
    ['not a URL', { url: 'hooks', eventTypes: ['accept'] }, 'url'],
    ['plain http to another host', { url: 'http://hooks.example.org/x', eventTypes: ['accept'] }, 'url'],
    ['credentials in the URL', { url: 'https://user:pw@hooks.example.org/x', eventTypes: ['accept'] }, 'url'],
    ['an unknown event type', { url: 'https://hooks.example.org/x', eventTypes: ['accept', 'exploded'] }, 'eventTypes'],
    ['no event type', { url: 'https://hooks.example.org/x', eventTypes: [] }, 'eventTypes'],
  ])('refuses %s with a problem naming the field', async (_label, body, field) => {
    const res = await admin.send('post', '/api/admin/webhooks', body).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(res.body as Problem).some((f) => f === field || f.startsWith(`${field}.`))).toBe(true);
  });

  it('accepts an internal receiver, over http too, only when WEBHOOK_ALLOWED_HOSTS lists it', async () => {
    for (const url of ['http://127.0.0.9:9/hook', 'http://hooks.intranet/hook']) {
      await admin.send('post', '/api/admin/webhooks', { url, eventTypes: ['accept'] }).expect(201);
    }
  });

  it.each([
    'http://localhost:9/hook',
    'http://127.0.0.1:9/hook',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'https://[::1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://10.0.0.5/x',
    'https://172.16.0.1/x',
    'https://192.168.1.1/x',
    'https://169.254.169.254/latest/meta-data/',
    'https://0.0.0.0/',
    'https://[::]/',
    'https://[fd00::1]/',
  ])('refuses the internal receiver %s with a problem naming url', async (url) => {
    const res = await admin.send('post', '/api/admin/webhooks', { url, eventTypes: ['accept'] }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.body as Problem).errors).toContainEqual(
      expect.objectContaining({ field: 'url', code: 'forbidden_address' }),
    );
  });

  it('updates event types and the switch, refuses unknown types, deletes, each change audited', async () => {
    const { body } = await admin
      .send('post', '/api/admin/webhooks', { url: 'https://hooks.example.org/u', eventTypes: ['accept'] })
      .expect(201);
    const id = body.id as string;
    const bad = await admin.send('patch', `/api/admin/webhooks/${id}`, { eventTypes: ['nope'] }).expect(400);
    expect(fieldsOf(bad.body as Problem).some((f) => f.startsWith('eventTypes'))).toBe(true);

    const updated = await admin
      .send('patch', `/api/admin/webhooks/${id}`, { eventTypes: ['decline', 'qualify'], active: false })
      .expect(200);
    expect(updated.body).toMatchObject({ eventTypes: ['decline', 'qualify'], active: false });
    expect(updated.body.secret).toBeUndefined();
    // An inactive webhook is not pinged.
    const ping = await admin.send('post', `/api/admin/webhooks/${id}/test`).expect(409);
    expect(ping.body.code).toBe('webhook_inactive');

    await admin.send('delete', `/api/admin/webhooks/${id}`).expect(204);
    await admin.send('delete', `/api/admin/webhooks/${id}`).expect(404);
    expect((await audits(id)).map((a) => a.action)).toEqual(['webhook.created', 'webhook.updated', 'webhook.deleted']);
    expect(await ds.getRepository(WebhookSubscription).findOneBy({ id })).toBeNull();
  });

  it('queues a ping through the outbox, lists deliveries, and replays only finished ones', async () => {
    const { body } = await admin
      .send('post', '/api/admin/webhooks', { url: 'https://hooks.example.org/p', eventTypes: ['accept'] })
      .expect(201);
    const id = body.id as string;
    const ping = await admin.send('post', `/api/admin/webhooks/${id}/test`).expect(202);
    expect(ping.body).toMatchObject({ subscriptionId: id, eventType: 'ping', status: 'pending', attempts: 0 });
    const messages = () =>
      ds
        .getRepository(OutboxMessage)
        .find({ where: { jobName: 'webhooks.deliver' } })
        .then((rows) => rows.filter((m) => (m.payload as { deliveryId?: string }).deliveryId === ping.body.id));
    expect(await messages()).toHaveLength(1);

    const list = await admin.agent.get(`/api/admin/webhooks/${id}/deliveries`).expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([ping.body.id]);

    // Still on its way: no replay.
    const early = await admin.send('post', `/api/admin/webhook-deliveries/${ping.body.id}/replay`).expect(409);
    expect(early.body.code).toBe('delivery_pending');

    await ds
      .getRepository(WebhookDelivery)
      .update(ping.body.id as string, { status: 'failed', attempts: 10, lastStatus: 503, lastError: 'HTTP 503' });
    const replayed = await admin.send('post', `/api/admin/webhook-deliveries/${ping.body.id}/replay`).expect(202);
    expect(replayed.body).toMatchObject({ id: ping.body.id, status: 'pending', attempts: 0 });
    expect(await messages()).toHaveLength(2);
    expect((await audits(ping.body.id as string)).map((a) => a.action)).toEqual(['webhook.delivery_replayed']);
  });

  it('is for admins only', async () => {
    const { body } = await admin
      .send('post', '/api/admin/webhooks', { url: 'https://hooks.example.org/a', eventTypes: ['accept'] })
      .expect(201);
    const id = body.id as string;
    await employee.agent.get('/api/admin/webhooks').expect(403);
    await employee
      .send('post', '/api/admin/webhooks', { url: 'https://hooks.example.org/e', eventTypes: ['accept'] })
      .expect(403);
    await employee.send('patch', `/api/admin/webhooks/${id}`, { active: false }).expect(403);
    await employee.send('delete', `/api/admin/webhooks/${id}`).expect(403);
    await employee.send('post', `/api/admin/webhooks/${id}/test`).expect(403);
    await employee.agent.get(`/api/admin/webhooks/${id}/deliveries`).expect(403);
    const row = await ds.getRepository(WebhookSubscription).findOneByOrFail({ id });
    expect(row.active).toBe(true);
    expect(await ds.getRepository(WebhookDelivery).countBy({ subscriptionId: id })).toBe(0);
  });
});
