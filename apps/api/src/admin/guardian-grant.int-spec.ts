import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource, IsNull } from 'typeorm';
import { makePerson, type TestPerson } from '../../../../test/harness';
import { AuditEvent, RoleGrant } from '@eclore/server-identity';
import { RoleRequestNotifier } from '@eclore/server-notifications';
import { OutboxMessage } from '@eclore/server-platform';
import { signIn, type SignedIn } from '../../../../test/harness/agent';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

/**
 * Separation of duties (finding 14 of the trust issue): no admin can make anyone — least of all
 * themselves — anonymity guardian alone. The grant opens a request that only another admin, who is
 * not the grantee either, can approve; then, and only then, the role is active.
 */
describe('guardian grant needs a second admin', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let first: { person: TestPerson; session: SignedIn };
  let second: { person: TestPerson; session: SignedIn };
  let colleague: TestPerson;

  const activeGuardian = (personId: string) =>
    ds.getRepository(RoleGrant).exists({ where: { personId, role: 'anonymity_guardian', revokedAt: IsNull() } });
  const audits = (personId: string) =>
    ds.getRepository(AuditEvent).find({ where: { subjectType: 'person', subjectId: personId }, order: { id: 'ASC' } });

  async function adminNamed(): Promise<{ person: TestPerson; session: SignedIn }> {
    const person = await makePerson(ds, { roles: [{ role: 'admin' }] });
    return { person, session: await signIn(app, person.email, person.password!) };
  }

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'guardian-grant' });
    ({ app, ds } = ctx);
    first = await adminNamed();
    second = await adminNamed();
    colleague = await makePerson(ds);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('an admin granting themselves the guardian role only opens a request; they cannot approve it', async () => {
    const me = first.person.person.id;
    const asked = await first.session
      .send('post', `/api/admin/people/${me}/roles`, { role: 'anonymity_guardian' })
      .expect(202);
    expect(asked.body).toMatchObject({ role: 'anonymity_guardian', status: 'pending', person: { id: me } });
    expect(await activeGuardian(me)).toBe(false);
    // Still no reveal: the role is not theirs.
    const anyIdea = '00000000-0000-4000-8000-000000000000';
    const reveal = await first.session.send('post', `/api/ideas/${anyIdea}/reveal-author`, { reason: 'x' });
    expect(reveal.status).toBe(403);

    const refused = await first.session.send('post', `/api/admin/role-requests/${asked.body.id}/approve`).expect(403);
    expect(refused.body.code).toBe('second_admin_required');
    // Asking twice is one request.
    const again = await first.session
      .send('post', `/api/admin/people/${me}/roles`, { role: 'anonymity_guardian' })
      .expect(409);
    expect(again.body.code).toBe('role_request_pending');

    const pending = await second.session.agent.get('/api/admin/role-requests').expect(200);
    expect(pending.body.items).toEqual([
      expect.objectContaining({ id: asked.body.id, requestedBy: expect.objectContaining({ id: me }) }),
    ]);
    // The other admin declines it: nothing was ever active, and it cannot be approved afterwards.
    await second.session.send('post', `/api/admin/role-requests/${asked.body.id}/reject`).expect(204);
    await second.session.send('post', `/api/admin/role-requests/${asked.body.id}/approve`).expect(404);
    expect(await activeGuardian(me)).toBe(false);
  });

  it('a grant to someone else takes effect only when another admin approves it, audited at each step', async () => {
    const grantee = colleague.person.id;
    const asked = await first.session
      .send('post', `/api/admin/people/${grantee}/roles`, { role: 'anonymity_guardian' })
      .expect(202);
    expect(await activeGuardian(grantee)).toBe(false);
    await first.session.send('post', `/api/admin/role-requests/${asked.body.id}/approve`).expect(403);
    const granted = await second.session.send('post', `/api/admin/role-requests/${asked.body.id}/approve`).expect(200);
    expect(granted.body).toMatchObject({ role: 'anonymity_guardian', grantedBy: { id: second.person.person.id } });
    expect(await activeGuardian(grantee)).toBe(true);
    expect((await second.session.agent.get('/api/admin/role-requests').expect(200)).body.items).toEqual([]);
    const trail = (await audits(grantee)).map((e) => [e.action, e.actorId]);
    expect(trail).toEqual([
      ['role.grant_requested', first.person.person.id],
      ['role.granted', second.person.person.id],
    ]);
  });

  it('tells every admin, in-app and by e-mail, that a guardian grant was asked for and that it took effect', async () => {
    const grantee = await makePerson(ds);
    const asked = await first.session
      .send('post', `/api/admin/people/${grantee.person.id}/roles`, { role: 'anonymity_guardian' })
      .expect(202);
    await second.session.send('post', `/api/admin/role-requests/${asked.body.id}/approve`).expect(200);
    // Through the outbox, in the commands' transactions: one message per step.
    const messages = (await ds.getRepository(OutboxMessage).findBy({ jobName: 'notifications.role_request' }))
      .map((m) => m.payload as { requestId: string; stage: 'requested' | 'granted' })
      .filter((p) => p.requestId === asked.body.id);
    expect(messages.map((p) => p.stage).sort()).toEqual(['granted', 'requested']);
    // The worker's handler, run twice as a retried job would be: nobody is told twice.
    const notifier = new RoleRequestNotifier(ds, { emailEnabled: true, publicUrl: 'http://127.0.0.1:3000' });
    for (let run = 0; run < 2; run += 1) for (const p of messages) await notifier.dispatch(p.requestId, p.stage);
    const rows = await ds.query<{ recipient_id: string; event_type: string }[]>(
      `SELECT recipient_id, event_type FROM notification WHERE role_request_id = $1 ORDER BY event_type, recipient_id`,
      [asked.body.id],
    );
    const admins = [first.person.person.id, second.person.person.id].sort();
    expect(rows).toEqual([
      ...admins.map((id) => ({ recipient_id: id, event_type: 'role_grant_requested' })),
      ...admins.map((id) => ({ recipient_id: id, event_type: 'role_granted' })),
    ]);
    const emails = await ds.query<{ recipient_id: string }[]>(
      `SELECT d.recipient_id FROM notification_delivery d
         JOIN notification_delivery_item i ON i.delivery_id = d.id
         JOIN notification n ON n.id = i.notification_id
        WHERE n.role_request_id = $1`,
      [asked.body.id],
    );
    expect(emails.map((e) => e.recipient_id).sort()).toEqual([...admins, ...admins].sort());
    // In the centre: one group for the request, linking to the people administration, naming who acted.
    const centre = await second.session.agent.get('/api/notifications').expect(200);
    const group = (
      centre.body.groups as {
        key: string;
        link: string;
        ideaTitle: string;
        items: { eventType: string; actor: { id: string } | null }[];
      }[]
    ).find((g) => g.key === `role-request:${asked.body.id as string}`);
    expect(group).toMatchObject({ link: '/admin' });
    expect(group!.items.map((i) => [i.eventType, i.actor?.id])).toEqual([
      ['role_granted', second.person.person.id],
      ['role_grant_requested', first.person.person.id],
    ]);
  });

  it('the grantee, even an admin, cannot approve their own grant; other roles are granted at once', async () => {
    const asked = await first.session
      .send('post', `/api/admin/people/${second.person.person.id}/roles`, { role: 'anonymity_guardian' })
      .expect(202);
    const own = await second.session.send('post', `/api/admin/role-requests/${asked.body.id}/approve`).expect(403);
    expect(own.body.code).toBe('second_admin_required');
    await first.session.send('post', `/api/admin/role-requests/${asked.body.id}/reject`).expect(204);
    await first.session.send('post', `/api/admin/people/${colleague.person.id}/roles`, { role: 'hr' }).expect(201);
  });

  it('names the bad request id and refuses non-admins', async () => {
    const bad = await second.session.send('post', '/api/admin/role-requests/not-a-uuid/approve').expect(400);
    expect(bad.body.errors[0].field).toBe('requestId');
    const employee = await signIn(app, colleague.email, colleague.password!);
    await employee.agent.get('/api/admin/role-requests').expect(403);
  });
});
