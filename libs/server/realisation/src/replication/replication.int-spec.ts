import 'reflect-metadata';
import { Forbidden } from '@eclore/domain';
import type { OrgUnit } from '@eclore/server-identity';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import {
  makeIdea,
  makeMilestone,
  makePerson,
  makeProject,
  makeUnit,
  type TestPerson,
} from '../../../../../test/harness';
import { RealisationModule } from '../realisation.module';
import { ReplicationService } from './replication.service';

/** Replication against real PostgreSQL: the child idea and project, the lineage, duplicates, anonymity. */
describe('replication (service, real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let service: ReplicationService;
  let home: OrgUnit;
  let adopting: OrgUnit;
  let author: TestPerson;
  let owner: TestPerson;
  let adopter: TestPerson;
  let homeNetwork: TestPerson;
  let newOwner: TestPerson;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'replication', imports: [RealisationModule] });
    service = ctx.get(ReplicationService);
    home = await makeUnit(ctx.ds);
    adopting = await makeUnit(ctx.ds);
    author = await makePerson(ctx.ds, { unit: home, password: null });
    owner = await makePerson(ctx.ds, { unit: home, password: null });
    newOwner = await makePerson(ctx.ds, { unit: adopting, password: null });
    adopter = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: adopting }], password: null });
    homeNetwork = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: home }], password: null });
  });

  afterAll(() => ctx?.close());

  async function implemented(options: { anonymous?: boolean; status?: 'follow_up' | 'closed' | 'implement' } = {}) {
    const idea = await makeIdea(ctx.ds, {
      authors: [author.person],
      unit: home,
      status: options.status ?? 'follow_up',
      kind: 'solution',
      anonymous: options.anonymous ?? false,
      title: 'Shared counter calendar',
    });
    const project = await makeProject(ctx.ds, { idea, owner: owner.person });
    await makeMilestone(ctx.ds, { project });
    return idea;
  }

  it('creates the child idea in the adopting unit with its own project, and shows the lineage on both', async () => {
    const idea = await implemented();
    const { replicaIdeaId, lineage } = await service.adopt(adopter.actor, idea.id, {
      orgUnitId: adopting.id,
      ownerId: newOwner.person.id,
    });

    const [replica] = await ctx.ds.query(
      `SELECT kind, status, org_unit_id AS "unitId", title, body_html AS "bodyHtml" FROM idea WHERE id = $1`,
      [replicaIdeaId],
    );
    expect(replica).toMatchObject({ kind: 'solution', status: 'implement', unitId: adopting.id });
    expect(replica.title).toBe(`Shared counter calendar — ${adopting.name}`);
    expect(replica.bodyHtml).toContain(`/ideas/${idea.id}`);
    // The authors are not copied onto the replica.
    expect(await ctx.ds.query(`SELECT 1 FROM idea_author WHERE idea_id = $1`, [replicaIdeaId])).toHaveLength(0);
    const [project] = await ctx.ds.query(
      `SELECT p.owner_id AS "ownerId", p.org_unit_id AS "unitId", r.status FROM implementation_project p
         JOIN replication r ON r.replica_project_id = p.id WHERE p.idea_id = $1`,
      [replicaIdeaId],
    );
    expect(project).toEqual({ ownerId: newOwner.person.id, unitId: adopting.id, status: 'active' });

    expect(lineage.adoptedBy).toEqual([
      expect.objectContaining({ ideaId: replicaIdeaId, unit: { id: adopting.id, name: adopting.name } }),
    ]);
    const fromReplica = await service.lineage(author.actor, replicaIdeaId);
    expect(fromReplica.adoptedFrom).toMatchObject({ ideaId: idea.id, title: 'Shared counter calendar' });
    expect(fromReplica.credit).toMatchObject({
      originalIdeaId: idea.id,
      authorsHidden: false,
      names: [expect.objectContaining({ id: author.person.id })],
    });
    const events = await ctx.ds.query(
      `SELECT type, data FROM idea_event WHERE idea_id = $1 AND type = 'replication_adopted'`,
      [idea.id],
    );
    expect(events).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ unitName: adopting.name, ownerId: owner.person.id }) }),
    ]);
    // The lineage is on the replica's timeline too, public like its counterpart.
    const mirrored = await ctx.ds.query(
      `SELECT public, data FROM idea_event WHERE idea_id = $1 AND type = 'replicated_from'`,
      [replicaIdeaId],
    );
    expect(mirrored).toEqual([{ public: true, data: expect.objectContaining({ originalIdeaId: idea.id }) }]);
  });

  it('refuses a second open adoption of one original by one unit (409 replication_exists)', async () => {
    const idea = await implemented({ status: 'closed' });
    await service.adopt(adopter.actor, idea.id, { orgUnitId: adopting.id, ownerId: newOwner.person.id });
    await expect(
      service.adopt(adopter.actor, idea.id, { orgUnitId: adopting.id, ownerId: newOwner.person.id }),
    ).rejects.toMatchObject({ code: 'replication_exists' });
    // Two adoptions at once by another unit: one lands, the other is refused, never two replicas.
    const other = await makeUnit(ctx.ds);
    const otherNetwork = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: other }], password: null });
    const racing = await Promise.allSettled(
      [1, 2].map(() =>
        service.adopt(otherNetwork.actor, idea.id, { orgUnitId: other.id, ownerId: newOwner.person.id }),
      ),
    );
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(racing.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'replication_exists' } });
  });

  it('refuses an idea not yet implemented, and a network member outside the adopting unit', async () => {
    const running = await implemented({ status: 'implement' });
    await expect(
      service.adopt(adopter.actor, running.id, { orgUnitId: adopting.id, ownerId: newOwner.person.id }),
    ).rejects.toMatchObject({ code: 'not_implemented' });
    const idea = await implemented();
    await expect(
      service.adopt(homeNetwork.actor, idea.id, { orgUnitId: adopting.id, ownerId: newOwner.person.id }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('never names an anonymous original author, in the credit, the lineage or the events', async () => {
    const idea = await implemented({ anonymous: true });
    const { replicaIdeaId } = await service.adopt(adopter.actor, idea.id, {
      orgUnitId: adopting.id,
      ownerId: newOwner.person.id,
    });
    const seen = JSON.stringify([
      await service.lineage(adopter.actor, replicaIdeaId),
      await service.lineage(adopter.actor, idea.id),
      await ctx.ds.query(`SELECT data FROM idea_event WHERE idea_id IN ($1, $2)`, [idea.id, replicaIdeaId]),
      await ctx.ds.query(`SELECT data, actor_id FROM audit_event WHERE subject_id IN ($1, $2)`, [
        idea.id,
        replicaIdeaId,
      ]),
    ]);
    expect(seen).not.toContain(author.person.id);
    expect(seen).not.toContain(author.person.familyName);
    const credit = (await service.lineage(adopter.actor, replicaIdeaId)).credit;
    expect(credit).toMatchObject({ authorsHidden: true, names: [] });
    // The anonymous author is still told (through the authors list, never by name in the data).
    const [told] = await ctx.ds.query(
      `SELECT type FROM idea_event WHERE idea_id = $1 AND type = 'replication_adopted'`,
      [idea.id],
    );
    expect(told).toBeDefined();
  });
});
