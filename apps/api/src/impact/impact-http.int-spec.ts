import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { makeIdea, makePerson, makeUnit } from '../../../../test/harness';
import { makeProject, makeTeamMember } from '../../../../test/harness/realisation';
import { createApiTestContext, type ApiTestContext, type Member } from '../../../../test/harness/api-context';

/**
 * Impact over HTTP: bad input is a 400 problem+json naming the field (never a 500), a stale edit is
 * a 409, the recorder never validates, and the roll-ups answer the roles that may read them.
 */
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const INDICATOR = {
  category: 'staff_hours_saved',
  label: 'Hours',
  unit: 'h/year',
  projectedValue: 100,
  projectedOn: day(90),
};
const MEASUREMENT = { value: 10, measuredOn: day(-1), source: 'Time sheets', confidence: 'measured' };

describe('impact API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let owner: Member;
  let network: Member;
  let employee: Member;
  let projectId: string;
  let ideaId: string;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'impacthttp' });
    ds = ctx.ds;
    const direction = await makeUnit(ds);
    const unit = await makeUnit(ds, { parent: direction });
    const ownerPerson = await makePerson(ds, { unit });
    owner = await ctx.signInAs(ownerPerson);
    network = await ctx.signInAs(await makePerson(ds, { roles: [{ role: 'network_member', unit: direction }] }));
    employee = await ctx.signInAs(await makePerson(ds, {}));
    const idea = await makeIdea(ds, { authors: [ownerPerson.person], unit, status: 'follow_up' });
    await makeTeamMember(ds, { idea, person: ownerPerson.person, role: 'lead', isAuthor: true });
    projectId = (await makeProject(ds, { idea, owner: ownerPerson.person })).id;
    ideaId = idea.id;
  });

  afterAll(() => ctx?.close());

  const field = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

  it.each([
    ['absurd value', { projectedValue: 1e18 }, 'projectedValue'],
    ['a number as a string', { projectedValue: 'NaN' }, 'projectedValue'],
    ['a NUL byte', { label: 'Hours\u0000' }, 'label'],
    ['a 1 MB label', { label: 'x'.repeat(1_000_000) }, null],
    ['an unknown category', { category: 'happiness' }, 'category'],
    ['a day that does not exist', { projectedOn: '2027-02-30' }, 'projectedOn'],
    ['a negative saving', { category: 'money_saved', projectedValue: -5 }, 'projectedValue'],
  ])('refuses an indicator with %s: 4xx problem+json naming the field', async (_what, patch, name) => {
    const res = await owner.send('post', `/api/impact/projects/${projectId}/indicators`, { ...INDICATOR, ...patch });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    if (name) expect(field(res)).toContain(name);
  });

  it('refuses measurements in the future, absurd or malformed, naming the field', async () => {
    const created = await owner.send('post', `/api/impact/projects/${projectId}/indicators`, INDICATOR).expect(201);
    const url = `/api/impact/indicators/${created.body.id}/measurements`;
    for (const [patch, name] of [
      [{ measuredOn: day(2) }, 'measuredOn'],
      [{ value: 1e18 }, 'value'],
      [{ value: 'abc' }, 'value'],
      [{ measuredOn: 'yesterday' }, 'measuredOn'],
      [{ source: 'a\u0000b' }, 'source'],
      [{ confidence: 'certain' }, 'confidence'],
    ] as const) {
      const res = await owner.send('post', url, { ...MEASUREMENT, ...patch });
      expect({ status: res.status, fields: field(res) }).toEqual({
        status: 400,
        fields: expect.arrayContaining([name]),
      });
    }
    const measured = await owner.send('post', url, MEASUREMENT).expect(201);
    await owner.send('post', `/api/impact/measurements/${measured.body.id}/validate`).expect(403);
    await employee.send('post', url, MEASUREMENT).expect(403);
    await network.send('post', `/api/impact/measurements/${measured.body.id}/validate`).expect(204);
    await network.send('post', `/api/impact/measurements/${measured.body.id}/validate`).expect(409);
    const impact = await employee.get(`/api/ideas/${ideaId}/impact`).expect(200);
    const indicator = impact.body.projects[0].indicators.find((i: { id: string }) => i.id === created.body.id);
    expect(indicator.actual).toMatchObject({ value: 10, validated: true });
  });

  it('answers 409 stale_version to the second of two edits of the same version', async () => {
    const created = await owner.send('post', `/api/impact/projects/${projectId}/indicators`, INDICATOR).expect(201);
    const url = `/api/impact/indicators/${created.body.id}`;
    await owner.send('put', url, { ...INDICATOR, label: 'Mine', version: 1 }).expect(204);
    const second = await network.send('put', url, { ...INDICATOR, label: 'Theirs', version: 1 });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('stale_version');
  });

  it('serves roll-ups to the network and refuses employees; a bad grouping is a 400 naming it', async () => {
    const res = await network.get('/api/impact/rollups?by=unit').expect(200);
    expect(res.body.groups.length).toBeGreaterThan(0);
    await employee.get('/api/impact/rollups?by=unit').expect(403);
    const bad = await network.get('/api/impact/rollups?by=galaxy&year=1e18');
    expect(bad.status).toBe(400);
    expect(field(bad)).toEqual(expect.arrayContaining(['by', 'year']));
  });
});
