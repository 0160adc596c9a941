import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD, demoEmail } from '@eclore/migrations';
import { AuditEvent, OrgUnit, Person, UserSession } from '@eclore/server-identity';
import { signIn, type SignedIn } from '../../../../test/harness/agent';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

const email = (givenName: string, familyName: string) => demoEmail({ givenName, familyName });
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The roles admin API on the real application: seeded demo organisation, real PostgreSQL and Redis. */
describe('roles admin API', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let admin: SignedIn;
  let employee: SignedIn;

  const person = (familyName: string) => ds.getRepository(Person).findOneByOrFail({ familyName });
  const unit = (code: string) => ds.getRepository(OrgUnit).findOneByOrFail({ code });
  const lastAudit = () => ds.getRepository(AuditEvent).findOneOrFail({ where: {}, order: { id: 'DESC' } });

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'roles', seed: true });
    ({ app, ds } = ctx);
    admin = await ctx.signInDemo('Rochat');
    employee = await ctx.signInDemo('Girard');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  describe('permissions', () => {
    it('asks a visitor to sign in', async () => {
      const res = await request(app.getHttpServer()).get('/api/admin/people').expect(401);
      expect(res.body.code).toBe('unauthenticated');
    });

    it.each([
      ['get', '/api/admin/people'],
      ['get', `/api/admin/people/${UNKNOWN_ID}`],
      ['post', `/api/admin/people/${UNKNOWN_ID}/roles`],
      ['delete', `/api/admin/role-grants/${UNKNOWN_ID}`],
      ['post', `/api/admin/people/${UNKNOWN_ID}/deactivate`],
      ['post', `/api/admin/people/${UNKNOWN_ID}/reactivate`],
    ] as const)('refuses an employee: %s %s → 403 role_required', async (method, path) => {
      const res =
        method === 'get'
          ? await employee.agent.get(path)
          : await employee.send(method, path, method === 'post' ? { role: 'admin' } : undefined);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('role_required');
    });
  });

  describe('listing', () => {
    it('lists every person by family name with active grants and scope names, page by page', async () => {
      const seen: { familyName: string; id: string }[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: request.Response = await admin.agent
          .get('/api/admin/people')
          .query({ limit: 15, ...(cursor ? { cursor } : {}) })
          .expect(200);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(await ds.getRepository(Person).count());
      expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
      const names = seen.map((p) => p.familyName.toLowerCase());
      expect(names).toEqual([...names].sort());
    });

    it('searches by words across names and e-mail and shows scoped grants', async () => {
      const res = await admin.agent.get('/api/admin/people').query({ q: 'nathalie GAGNON' }).expect(200);
      expect(res.body.items).toHaveLength(1);
      const [nathalie] = res.body.items;
      const ds_ = await unit('DS');
      expect(nathalie).toMatchObject({
        givenName: 'Nathalie',
        email: email('Nathalie', 'Gagnon'),
        active: true,
        orgUnit: { code: 'DS-PREV' },
      });
      expect(nathalie.grants).toEqual([
        expect.objectContaining({
          role: 'network_member',
          scope: { kind: 'org_unit', orgUnitId: ds_.id, orgUnitName: 'Direction de la santé' },
          grantedBy: null,
        }),
      ]);
      const none = await admin.agent.get('/api/admin/people').query({ q: '%' }).expect(200);
      expect(none.body.items).toEqual([]);
    });

    it('refuses a cursor it did not issue, naming the field', async () => {
      const res = await admin.agent.get('/api/admin/people').query({ cursor: 'not-a-cursor' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'invalidCursor' })]);
    });

    it('answers 404 for an unknown person and 400 for a malformed id', async () => {
      expect((await admin.agent.get(`/api/admin/people/${UNKNOWN_ID}`).expect(404)).body.code).toBe('person_not_found');
      const bad = await admin.agent.get('/api/admin/people/42').expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    });
  });

  describe('granting', () => {
    it.each([
      [{ role: 'employee' }, 'role'],
      [{ role: 'superuser' }, 'role'],
      [{}, 'role'],
      [{ role: 'hr', scope: { kind: 'org_unit', orgUnitId: UNKNOWN_ID } }, 'scope.kind'],
      [{ role: 'network_member', scope: { kind: 'org_unit' } }, 'scope.orgUnitId'],
      [{ role: 'network_member', scope: { kind: 'org_unit', orgUnitId: UNKNOWN_ID } }, 'scope.orgUnitId'],
      [{ role: 'network_member', scope: { kind: 'galaxy' } }, 'scope.kind'],
      [{ role: 'admin', scope: { kind: 'organisation', orgUnitId: UNKNOWN_ID } }, 'scope.orgUnitId'],
      [{ role: 'admin', extra: true }, 'extra'],
    ])('refuses %j naming %s', async (body, field) => {
      const target = await person('Girard');
      const res = await admin.send('post', `/api/admin/people/${target.id}/roles`, body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 404 for an unknown person', async () => {
      const res = await admin.send('post', `/api/admin/people/${UNKNOWN_ID}/roles`, { role: 'hr' }).expect(404);
      expect(res.body.code).toBe('person_not_found');
    });

    it('grants a scoped role, audits it, and refuses the same grant twice', async () => {
      const target = await person('Lavoie');
      const prev = await unit('DS-PREV');
      const res = await admin
        .send('post', `/api/admin/people/${target.id}/roles`, {
          role: 'committee_member',
          scope: { kind: 'org_unit', orgUnitId: prev.id },
        })
        .expect(201);
      expect(res.body).toMatchObject({
        role: 'committee_member',
        scope: { kind: 'org_unit', orgUnitId: prev.id, orgUnitName: 'Service de la prévention' },
        grantedBy: { id: admin.personId, familyName: 'Rochat' },
      });
      const event = await lastAudit();
      expect(event).toMatchObject({
        action: 'role.granted',
        actorId: admin.personId,
        subjectType: 'person',
        subjectId: target.id,
        data: {
          grantId: res.body.id,
          personId: target.id,
          role: 'committee_member',
          scope: { kind: 'org_unit', orgUnitId: prev.id },
        },
      });
      expect(event.requestId).toEqual(expect.any(String));

      const again = await admin
        .send('post', `/api/admin/people/${target.id}/roles`, {
          role: 'committee_member',
          scope: { kind: 'org_unit', orgUnitId: prev.id },
        })
        .expect(409);
      expect(again.body.code).toBe('role_already_granted');
      // Another scope of the same role is another grant.
      await admin.send('post', `/api/admin/people/${target.id}/roles`, { role: 'committee_member' }).expect(201);
      const detail = await admin.agent.get(`/api/admin/people/${target.id}`).expect(200);
      expect(detail.body.grants.map((g: { scope: { kind: string } }) => g.scope.kind)).toEqual([
        'org_unit',
        'organisation',
      ]);
    });
  });

  describe('changes apply from the next request of the person concerned', () => {
    it('grants then revokes admin for a signed-in employee, audited both ways', async () => {
      const grantee = await ctx.signInDemo('Monnier');
      await grantee.agent.get('/api/admin/people').expect(403);

      const granted = await admin
        .send('post', `/api/admin/people/${grantee.personId}/roles`, { role: 'admin' })
        .expect(201);
      await grantee.agent.get('/api/admin/people').expect(200);
      expect((await grantee.agent.get('/api/session').expect(200)).body.roles).toEqual([
        { role: 'admin', scope: { kind: 'organisation' } },
      ]);

      await admin.send('delete', `/api/admin/role-grants/${granted.body.id}`).expect(204);
      expect(await lastAudit()).toMatchObject({
        action: 'role.revoked',
        actorId: admin.personId,
        subjectType: 'person',
        subjectId: grantee.personId,
        data: { grantId: granted.body.id, role: 'admin', scope: { kind: 'organisation' } },
      });
      await grantee.agent.get('/api/admin/people').expect(403);
      // Revoked grants are history: revoking again finds nothing.
      expect((await admin.send('delete', `/api/admin/role-grants/${granted.body.id}`).expect(404)).body.code).toBe(
        'role_grant_not_found',
      );
    });

    it('never lets an admin revoke their own admin role', async () => {
      const own = (await admin.agent.get(`/api/admin/people/${admin.personId}`).expect(200)).body.grants.find(
        (g: { role: string }) => g.role === 'admin',
      );
      const res = await admin.send('delete', `/api/admin/role-grants/${own.id}`).expect(403);
      expect(res.body.code).toBe('not_on_yourself');
      await admin.agent.get('/api/admin/people').expect(200);
    });
  });

  describe('deactivation', () => {
    it('refuses to deactivate yourself', async () => {
      const res = await admin.send('post', `/api/admin/people/${admin.personId}/deactivate`).expect(403);
      expect(res.body.code).toBe('not_on_yourself');
    });

    it('answers 404 for an unknown person', async () => {
      await admin.send('post', `/api/admin/people/${UNKNOWN_ID}/deactivate`).expect(404);
      await admin.send('post', `/api/admin/people/${UNKNOWN_ID}/reactivate`).expect(404);
    });

    it('deactivates: every session ends at once, sign-in is refused; reactivation restores the account', async () => {
      const target = await person('Nguyen');
      const phone = await signIn(app, target.email, DEMO_PASSWORD);
      const laptop = await signIn(app, target.email, DEMO_PASSWORD);

      const res = await admin.send('post', `/api/admin/people/${target.id}/deactivate`).expect(200);
      expect(res.body).toMatchObject({ id: target.id, active: false, deactivatedAt: expect.any(String) });
      expect(await lastAudit()).toMatchObject({
        action: 'person.deactivated',
        actorId: admin.personId,
        subjectType: 'person',
        subjectId: target.id,
        data: { endedSessions: 2 },
      });
      expect(await ds.getRepository(UserSession).countBy({ personId: target.id, endReason: 'deactivated' })).toBe(2);
      await phone.agent.get('/api/session').expect(204);
      await laptop.agent.get('/api/me').expect(401);
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: target.email, password: DEMO_PASSWORD })
        .expect(401);
      expect((await admin.send('post', `/api/admin/people/${target.id}/deactivate`).expect(409)).body.code).toBe(
        'person_already_inactive',
      );
      expect(
        (await admin.send('post', `/api/admin/people/${target.id}/roles`, { role: 'hr' }).expect(409)).body.code,
      ).toBe('person_inactive');

      const back = await admin.send('post', `/api/admin/people/${target.id}/reactivate`).expect(200);
      expect(back.body).toMatchObject({ active: true, deactivatedAt: null });
      expect(await lastAudit()).toMatchObject({
        action: 'person.reactivated',
        actorId: admin.personId,
        subjectId: target.id,
      });
      await signIn(app, target.email, DEMO_PASSWORD);
      expect((await admin.send('post', `/api/admin/people/${target.id}/reactivate`).expect(409)).body.code).toBe(
        'person_already_active',
      );
    });
  });
});
