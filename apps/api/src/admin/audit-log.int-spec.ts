import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEvent, AuditService, Person } from '@eclore/server-identity';
import { makePerson } from '../../../../test/harness';
import type { SignedIn } from '../../../../test/harness/agent';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

describe('audit log API', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let admin: SignedIn;
  let hr: SignedIn;
  let subject: Person;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'audit' });
    ({ app, ds } = ctx);
    // Signed in first: each sign-in is audited too, and the events below must be the newest.
    admin = await ctx.signInAs(await makePerson(ds, { roles: ['admin'], givenName: 'Claire', familyName: 'Rochat' }));
    hr = await ctx.signInAs(await makePerson(ds, { roles: ['hr'] }));
    subject = (await makePerson(ds, { givenName: 'Isabelle', familyName: 'Perret', password: null })).person;
    // 7 events: 5 about Isabelle Perret, 2 about something else; written through the real AuditService.
    const audit = app.get(AuditService);
    await ds.transaction(async (manager) => {
      for (let i = 0; i < 5; i += 1) {
        await audit.append(manager, {
          actorId: admin.personId,
          action: i % 2 ? 'role.revoked' : 'role.granted',
          subjectType: 'person',
          subjectId: subject.id,
          data: { n: i },
        });
      }
      await audit.append(manager, {
        actorId: null,
        action: 'directory.imported',
        subjectType: 'directory_import',
        subjectId: 'imp-1',
        data: {},
      });
      await audit.append(manager, {
        actorId: admin.personId,
        action: 'role.granted',
        subjectType: 'person',
        subjectId: admin.personId,
        data: { n: 5 },
      });
    });
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('is for admins only', async () => {
    await request(app.getHttpServer()).get('/api/admin/audit').expect(401);
    expect((await hr.agent.get('/api/admin/audit').expect(403)).body.code).toBe('role_required');
  });

  it('lists newest first with actor and subject names, and pages with `before` without gaps or repeats', async () => {
    const first = await admin.agent.get('/api/admin/audit').query({ limit: 3 }).expect(200);
    expect(first.body.items.map((e: { data: { n?: number } }) => e.data.n)).toEqual([5, undefined, 4]);
    expect(first.body.items[0]).toMatchObject({
      action: 'role.granted',
      actor: { id: admin.personId, givenName: 'Claire', familyName: 'Rochat' },
      subjectPerson: { id: admin.personId, familyName: 'Rochat' },
      occurredAt: expect.any(String),
    });
    expect(first.body.items[1]).toMatchObject({
      actor: null,
      subjectType: 'directory_import',
      subjectId: 'imp-1',
      subjectPerson: null,
    });

    const ids: string[] = first.body.items.map((e: { id: string }) => e.id);
    let before: string | null = first.body.nextBefore;
    while (before) {
      const page: request.Response = await admin.agent.get('/api/admin/audit').query({ limit: 3, before }).expect(200);
      ids.push(...page.body.items.map((e: { id: string }) => e.id));
      before = page.body.nextBefore;
    }
    expect(ids).toHaveLength(await ds.getRepository(AuditEvent).count());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => b - a));
  });

  it('filters by action, subject type and subject', async () => {
    const bySubject = await admin.agent
      .get('/api/admin/audit')
      .query({ subjectType: 'person', subjectId: subject.id })
      .expect(200);
    expect(bySubject.body.items.map((e: { data: { n: number } }) => e.data.n)).toEqual([4, 3, 2, 1, 0]);
    expect(bySubject.body.nextBefore).toBeNull();
    const revoked = await admin.agent
      .get('/api/admin/audit')
      .query({ action: 'role.revoked', subjectId: subject.id })
      .expect(200);
    expect(revoked.body.items.map((e: { data: { n: number } }) => e.data.n)).toEqual([3, 1]);
    const imports = await admin.agent.get('/api/admin/audit').query({ subjectType: 'directory_import' }).expect(200);
    expect(imports.body.items).toHaveLength(1);
  });

  it('refuses malformed paging parameters, naming the field', async () => {
    const bad = await admin.agent.get('/api/admin/audit').query({ before: 'yesterday' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'before' })]);
    const big = await admin.agent.get('/api/admin/audit').query({ limit: 1000 }).expect(400);
    expect(big.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('cannot be rewritten: the database refuses UPDATE, DELETE and TRUNCATE on audit_event', async () => {
    const count = await ds.getRepository(AuditEvent).count();
    await expect(ds.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(
      'audit_event is append-only (UPDATE refused)',
    );
    await expect(ds.query(`DELETE FROM audit_event`)).rejects.toThrow('audit_event is append-only (DELETE refused)');
    await expect(ds.query(`TRUNCATE audit_event`)).rejects.toThrow('audit_event is append-only (TRUNCATE refused)');
    await expect(ds.getRepository(AuditEvent).update({ action: 'role.granted' }, { action: 'forged' })).rejects.toThrow(
      'append-only',
    );
    expect(await ds.getRepository(AuditEvent).count()).toBe(count);
    expect(await ds.getRepository(AuditEvent).countBy({ action: 'forged' })).toBe(0);
  });
});
