import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { OrgUnit } from '@eclore/server-identity';
import type { Idea } from '@eclore/server-ideas';
import { makeIdea, makeMilestone, makePerson, makeProject, makeUnit } from '../../../../test/harness';
import { createApiTestContext, type ApiTestContext, type Member } from '../../../../test/harness/api-context';

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The implementation project and replication over real HTTP: bad input answers 400 problem+json
 * naming the field (never a 500), concurrent edits of one milestone lose nothing silently, the
 * go-live refusal is a 409 with its code, and who may do what is the policy's answer.
 */
describe('implementation project API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let unit: OrgUnit;
  let other: OrgUnit;
  let owner: Member;
  let colleague: Member;
  let network: Member;
  let otherNetwork: Member;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'project_api', listen: true });
    ({ ds } = ctx);
    unit = await makeUnit(ds);
    other = await makeUnit(ds);
    [owner, colleague, network, otherNetwork] = await Promise.all([
      ctx.signInAs(await makePerson(ds, { unit })),
      ctx.signInAs(await makePerson(ds, { unit })),
      ctx.signInAs(await makePerson(ds, { unit, roles: [{ role: 'network_member', unit }] })),
      ctx.signInAs(await makePerson(ds, { unit: other, roles: [{ role: 'network_member', unit: other }] })),
    ]);
  });

  afterAll(() => ctx?.close());

  async function running(): Promise<{ idea: Idea; projectId: string }> {
    const idea = await makeIdea(ds, { authors: [colleague.person], unit, status: 'implement', kind: 'solution' });
    const project = await makeProject(ds, { idea, owner: owner.person, startsOn: day(-10) });
    return { idea, projectId: project.id };
  }

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: unknown }, field?: string) => {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (field) expect(JSON.stringify(res.body)).toContain(`"${field}"`);
  };

  it('refuses bad milestones and spending with 400 problem+json naming the field', async () => {
    const { idea } = await running();
    const url = `/api/ideas/${idea.id}/project`;
    const good = { title: 'Train the counters', weight: 10, dueOn: day(20) };
    for (const [body, field] of [
      [{ ...good, weight: 0 }, 'weight'],
      [{ ...good, weight: 101 }, 'weight'],
      [{ ...good, weight: 'ten' }, 'weight'],
      [{ ...good, dueOn: day(-30) }, 'dueOn'],
      [{ ...good, dueOn: '2026-13-45' }, 'dueOn'],
      [{ ...good, title: 'a\u0000b' }, 'title'],
      [{ ...good, title: 'x'.repeat(201) }, 'title'],
      [{ ...good, progress: 1e18 }, 'progress'],
    ] as const) {
      const res = await owner.send('post', `${url}/milestones`, body);
      expect(res.status).toBe(400);
      expectProblem(res, field);
    }
    const huge = await owner.send('post', `${url}/milestones`, { ...good, title: 'x'.repeat(1_000_000) });
    expectProblem(huge);
    for (const [body, field] of [
      [{ label: 'Posters', amount: 1e18, spentOn: day(0) }, 'amount'],
      [{ label: 'Posters', amount: -5, spentOn: day(0) }, 'amount'],
      [{ label: 'Posters', amount: 0.001, spentOn: day(0) }, 'amount'],
      [{ label: 'Posters', amount: 5, spentOn: 'yesterday' }, 'spentOn'],
    ] as const) {
      const res = await owner.send('post', `${url}/budget-lines`, body);
      expect(res.status).toBe(400);
      expectProblem(res, field);
    }
    expect((await owner.send('post', `${url}/milestones`, good)).status).toBe(201);
  });

  it('keeps one of two concurrent edits of a milestone and refuses the other with 409 stale_version', async () => {
    const { idea, projectId } = await running();
    const m = await makeMilestone(ds, { project: { id: projectId } as never });
    const url = `/api/ideas/${idea.id}/project/milestones/${m.id}`;
    const [a, b] = await Promise.all([
      owner.send('patch', url, { version: m.version, progress: 40 }),
      network.send('patch', url, { version: m.version, title: 'Renamed meanwhile' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expectProblem(refused);
    expect(refused.body.code).toBe('stale_version');
    const [row] = await ds.query(`SELECT version FROM milestone WHERE id = $1`, [m.id]);
    expect(row.version).toBe(m.version + 1);
  });

  it('refuses the go-live with 409 implementation_incomplete until every milestone is settled', async () => {
    const { idea, projectId } = await running();
    const m = await makeMilestone(ds, { project: { id: projectId } as never });
    const refused = await owner.send('post', `/api/ideas/${idea.id}/complete-implementation`);
    expect(refused.status).toBe(409);
    expectProblem(refused);
    expect(refused.body.code).toBe('implementation_incomplete');
    await owner
      .send('patch', `/api/ideas/${idea.id}/project/milestones/${m.id}`, { version: m.version, status: 'done' })
      .expect(200);
    const live = await owner.send('post', `/api/ideas/${idea.id}/complete-implementation`).expect(200);
    expect(live.body.status).toBe('follow_up');
  });

  it('lets the owner and the network in scope manage, not a colleague nor the network elsewhere', async () => {
    const { idea } = await running();
    const body = { title: 'A step', weight: 5, dueOn: day(5) };
    expect((await colleague.send('post', `/api/ideas/${idea.id}/project/milestones`, body)).status).toBe(403);
    expect((await otherNetwork.send('post', `/api/ideas/${idea.id}/project/milestones`, body)).status).toBe(403);
    expect((await network.send('post', `/api/ideas/${idea.id}/project/milestones`, body)).status).toBe(201);
    const view = await colleague.get(`/api/ideas/${idea.id}/project`).expect(200);
    expect(view.body).toMatchObject({ canManage: false, canAssignOwner: false });
    expect(view.body.project.milestones).toHaveLength(1);
  });

  it('adopts an implemented idea in another unit, once per unit, for a network member of that unit', async () => {
    const { idea, projectId } = await running();
    const m = await makeMilestone(ds, { project: { id: projectId } as never });
    await owner
      .send('patch', `/api/ideas/${idea.id}/project/milestones/${m.id}`, { version: m.version, status: 'done' })
      .expect(200);
    await owner.send('post', `/api/ideas/${idea.id}/complete-implementation`).expect(200);
    const body = { orgUnitId: other.id, ownerId: otherNetwork.person.id };
    expect((await network.send('post', `/api/ideas/${idea.id}/replications`, body)).status).toBe(403);
    const adopted = await otherNetwork.send('post', `/api/ideas/${idea.id}/replications`, body).expect(201);
    const again = await otherNetwork.send('post', `/api/ideas/${idea.id}/replications`, body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('replication_exists');
    const from = await colleague.get(`/api/ideas/${adopted.body.replicaIdeaId}/lineage`).expect(200);
    expect(from.body.adoptedFrom).toMatchObject({ ideaId: idea.id });
    const by = await colleague.get(`/api/ideas/${idea.id}/lineage`).expect(200);
    expect(by.body.adoptedBy).toEqual([expect.objectContaining({ ideaId: adopted.body.replicaIdeaId })]);
    const bad = await otherNetwork.send('post', `/api/ideas/${idea.id}/replications`, {
      orgUnitId: 'nope',
      ownerId: owner.person.id,
    });
    expect(bad.status).toBe(400);
    expectProblem(bad, 'orgUnitId');
  });
});
