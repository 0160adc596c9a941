import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OrgUnit, Person } from '@eclore/server-identity';
import type { SignedIn } from '../../../../test/harness/agent';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

describe('profile API (GET/PATCH /api/me)', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let nathalie: SignedIn;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'profile', seed: true });
    ({ app, ds } = ctx);
    nathalie = await ctx.signInDemo('Gagnon');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('asks a visitor to sign in', async () => {
    await request(app.getHttpServer()).get('/api/me').expect(401);
    await request(app.getHttpServer()).patch('/api/me').send({ locale: 'en' }).expect(401);
  });

  it('gives the person’s name, unit with its path, roles with scopes and language', async () => {
    const [direction, service] = await Promise.all(
      ['DS', 'DS-PREV'].map((code) => ds.getRepository(OrgUnit).findOneByOrFail({ code })),
    );
    const res = await nathalie.agent.get('/api/me').expect(200);
    expect(res.body).toEqual({
      id: nathalie.personId,
      givenName: 'Nathalie',
      familyName: 'Gagnon',
      email: 'nathalie.gagnon@eclore.example',
      orgUnit: {
        id: service!.id,
        code: 'DS-PREV',
        name: 'Service de la prévention',
        path: [
          { id: direction!.id, name: 'Direction de la santé' },
          { id: service!.id, name: 'Service de la prévention' },
        ],
      },
      roles: [
        { role: 'employee', scope: { kind: 'organisation' } },
        {
          role: 'network_member',
          scope: { kind: 'org_unit', orgUnitId: direction!.id, orgUnitName: 'Direction de la santé' },
        },
      ],
      locale: null,
    });
  });

  it('saves the language preference, and null to follow the browser again', async () => {
    const res = await nathalie.send('patch', '/api/me', { locale: 'en' }).expect(200);
    expect(res.body.locale).toBe('en');
    expect((await nathalie.agent.get('/api/session').expect(200)).body.person.locale).toBe('en');
    expect((await ds.getRepository(Person).findOneByOrFail({ id: nathalie.personId })).locale).toBe('en');
    await nathalie.send('patch', '/api/me', { locale: null }).expect(200);
    expect((await nathalie.agent.get('/api/me').expect(200)).body.locale).toBeNull();
  });

  it.each([
    [{ locale: 'de' }, 'locale'],
    [{}, 'locale'],
    [{ locale: 'fr', givenName: 'X' }, 'givenName'],
  ])('refuses %j naming %s', async (body, field) => {
    const res = await nathalie.send('patch', '/api/me', body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('requires the CSRF token to change it', async () => {
    const res = await nathalie.agent.patch('/api/me').send({ locale: 'fr' }).expect(403);
    expect(res.body.code).toBe('csrf_failed');
  });
});
