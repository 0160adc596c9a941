import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { isGrantableRole, ROLES } from '@eclore/domain';
import { LocalCredential, OrgUnit, OrgUnitHeadcount, Person, RoleGrant, verifyPassword } from '@eclore/server-identity';
import { createTestDatabase } from '../test/database';
import { dataSourceOptions } from './data-source-options';
import { seed } from './seed';
import { DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from './seed/demo-organisation';
import { DEMO_QUALIFICATIONS } from './seed/review-queue';
import { DEMO_SCORECARDS } from './seed/scorecards';
import { consolidatedScorecards } from '@eclore/server-qualification';
import { projectStatus } from '@eclore/domain';
import { DEMO_REALISATION } from './seed/realisation';

describe('demo seed', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  const counts = async () => ({
    units: await ds.getRepository(OrgUnit).count(),
    people: await ds.getRepository(Person).count(),
    credentials: await ds.getRepository(LocalCredential).count(),
    grants: await ds.getRepository(RoleGrant).count(),
    headcounts: await ds.getRepository(OrgUnitHeadcount).count(),
  });

  beforeAll(async () => {
    db = await createTestDatabase('seed');
    ds = new DataSource(dataSourceOptions(db.url, { poolSize: 2 }));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('creates the demo organisation once: running it again changes nothing', async () => {
    expect(await seed(ds)).toEqual({ applied: true, createdUnits: 12, createdPeople: DEMO_PEOPLE.length });
    const first = await counts();
    expect(first).toEqual({ units: 12, people: 40, credentials: 40, grants: 9, headcounts: 12 });
    expect(await seed(ds)).toEqual({ applied: true, createdUnits: 0, createdPeople: 0 });
    expect(await counts()).toEqual(first);
  });

  it('covers every role, with one network member scoped to a direction', async () => {
    const grants = await ds.getRepository(RoleGrant).find();
    expect(new Set(grants.map((g) => g.role))).toEqual(new Set(ROLES.filter(isGrantableRole)));
    const network = grants.filter((g) => g.role === 'network_member');
    expect(network.map((g) => g.scopeKind).sort()).toEqual(['org_unit', 'organisation']);
    const scoped = network.find((g) => g.scopeKind === 'org_unit');
    expect((await ds.getRepository(OrgUnit).findOneByOrFail({ id: scoped!.scopeOrgUnitId! })).kind).toBe('direction');
  });

  it('hashes the demo password with argon2id', async () => {
    const admin = await ds.getRepository(Person).findOneByOrFail({ email: demoEmail({ givenName: 'Claire', familyName: 'Rochat' }) });
    const credential = await ds.getRepository(LocalCredential).findOneByOrFail({ personId: admin.id });
    expect(credential.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(credential.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it('computes this year’s headcounts per unit and per subtree', async () => {
    const year = new Date().getFullYear();
    const byCode = async (code: string) => {
      const unit = await ds.getRepository(OrgUnit).findOneByOrFail({ code });
      return ds.getRepository(OrgUnitHeadcount).findOneByOrFail({ orgUnitId: unit.id, year });
    };
    const inUnits = (codes: string[]) => DEMO_PEOPLE.filter((p) => codes.includes(p.unit)).length;
    expect(await byCode('DS-SOINS-NUIT')).toMatchObject({ directCount: inUnits(['DS-SOINS-NUIT']), totalCount: inUnits(['DS-SOINS-NUIT']) });
    expect(await byCode('DS-SOINS')).toMatchObject({ directCount: inUnits(['DS-SOINS']), totalCount: inUnits(['DS-SOINS', 'DS-SOINS-NUIT']) });
    expect(await byCode('DS')).toMatchObject({ directCount: inUnits(['DS']), totalCount: inUnits(['DS', 'DS-PREV', 'DS-SOINS', 'DS-SOINS-NUIT']) });
  });

  it('lists in docs/demo-accounts.md accounts that exist with the role stated', async () => {
    const doc = readFileSync(join(__dirname, '../docs/demo-accounts.md'), 'utf8');
    expect(doc).toContain(DEMO_PASSWORD);
    const rows = [...doc.matchAll(/^\|\s*`([^`]+@[^`]+)`\s*\|\s*`([a-z_]+)`/gm)].map((m) => ({ email: m[1]!, role: m[2]! }));
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(ROLES));
    for (const row of rows) {
      const person = await ds.getRepository(Person).findOneByOrFail({ email: row.email });
      const roles = (await ds.getRepository(RoleGrant).findBy({ personId: person.id })).map((g) => g.role);
      expect({ email: row.email, roles }).toEqual({ email: row.email, roles: row.role === 'employee' ? [] : [row.role] });
    }
  });

  it('fills the demo network members’ review queues once, with a private note', async () => {
    await seed(ds);
    const open = async (familyName: string): Promise<number> => {
      const rows: { n: string }[] = await ds.query(
        `SELECT count(*) AS n FROM qualification_assignment a JOIN person p ON p.id = a.person_id
          WHERE p.family_name = $1 AND a.ended_at IS NULL AND a.idea_id = ANY($2::uuid[])`,
        [familyName, DEMO_QUALIFICATIONS.map((d) => d.id)],
      );
      return Number(rows[0]!.n);
    };
    const before = { julien: await open('Tremblay'), nathalie: await open('Gagnon') };
    expect(before).toEqual({ julien: 5, nathalie: 4 });
    const ideas: { status: string }[] = await ds.query('SELECT status FROM idea WHERE id = ANY($1::uuid[])', [
      DEMO_QUALIFICATIONS.map((d) => d.id),
    ]);
    expect(ideas.map((i) => i.status)).toEqual(DEMO_QUALIFICATIONS.map(() => 'qualify'));
    const notes: { n: string }[] = await ds.query('SELECT count(*) AS n FROM private_note WHERE idea_id = ANY($1::uuid[])', [
      DEMO_QUALIFICATIONS.map((d) => d.id),
    ]);
    expect(Number(notes[0]!.n)).toBe(1);
    await seed(ds);
    expect({ julien: await open('Tremblay'), nathalie: await open('Gagnon') }).toEqual(before);
  });

  it('stores the default criteria set once and scores the demo ideas (drafts not counted)', async () => {
    await seed(ds);
    await seed(ds);
    const sets: { kind: string; n: string }[] = await ds.query('SELECT kind, count(*) AS n FROM criteria_set GROUP BY kind');
    expect(sets).toEqual([{ kind: 'default', n: '1' }]);
    const ideaIds = [...new Set(DEMO_SCORECARDS.map((d) => d.ideaId))];
    const cards = await consolidatedScorecards(ds.manager, ideaIds);
    expect(ideaIds.map((id) => cards.get(id)?.reviewerCount)).toEqual(
      ideaIds.map((id) => DEMO_SCORECARDS.filter((d) => d.ideaId === id && d.status === 'submitted').length),
    );
    // The first idea's reviewers disagree on the value for users (5 and 2): the spread shows it.
    expect(cards.get(ideaIds[0]!)?.criteria[0]).toMatchObject({ key: 'user_value', mean: 3.5, spread: 3 });
    const rows: { n: string }[] = await ds.query('SELECT count(*) AS n FROM scorecard');
    expect(Number(rows[0]!.n)).toBe(DEMO_SCORECARDS.length);
  });

  it('shows every stage after the decision: an experiment with its log book, a project at risk, measurements, a replication', async () => {
    await seed(ds);
    await seed(ds);
    const one = async (sql: string, params: unknown[]) => ((await ds.query(sql, params)) as Record<string, unknown>[])[0];
    const r = DEMO_REALISATION;
    // An idea in prototype with a team of two and a running experiment whose log book has entries.
    expect(
      await one(
        `SELECT i.status, (SELECT count(*)::int FROM idea_team_member t WHERE t.idea_id = i.id) AS team,
                e.status AS experiment, (SELECT count(*)::int FROM log_entry l WHERE l.experiment_id = e.id) AS entries
           FROM idea i JOIN experiment e ON e.idea_id = i.id WHERE i.id = $1`,
        [r.experimentIdeaId],
      ),
    ).toEqual({ status: 'prototype', team: 2, experiment: 'running', entries: 3 });
    // A project at risk: its status by the domain's rule from the stored milestones and dates.
    const project = await one(`SELECT i.status, p.starts_on::text AS starts FROM implementation_project p JOIN idea i ON i.id = p.idea_id WHERE p.id = $1`, [
      r.atRiskProjectId,
    ]);
    expect(project?.['status']).toBe('implement');
    const milestones: { weight: number; due: string; status: 'open' | 'done' | 'dropped'; progress: number }[] = await ds.query(
      `SELECT weight, due_on::text AS due, status, progress FROM milestone WHERE project_id = $1`,
      [r.atRiskProjectId],
    );
    const utc = (day: string) => new Date(`${day}T00:00:00.000Z`);
    expect(
      projectStatus(
        milestones.map((m) => ({ weight: m.weight, dueOn: utc(m.due), status: m.status, progress: m.progress, dropReason: null })),
        utc(String(project?.['starts'])),
        new Date(),
      ),
    ).toBe('at_risk');
    // An idea in follow-up with measurements, one validated and one waiting for the network.
    expect(
      await one(
        `SELECT i.status, count(m.*) FILTER (WHERE m.validated_by IS NOT NULL)::int AS validated,
                count(m.*) FILTER (WHERE m.validated_by IS NULL)::int AS pending
           FROM impact_indicator ii JOIN implementation_project p ON p.id = ii.project_id JOIN idea i ON i.id = p.idea_id
           JOIN impact_measurement m ON m.indicator_id = ii.id WHERE ii.id = $1 GROUP BY i.status`,
        [r.measuredIndicatorId],
      ),
    ).toEqual({ status: 'follow_up', validated: 1, pending: 1 });
    // A replication, active, in another unit than the original's, with its own project.
    expect(
      await one(
        `SELECT r.status, ou.code AS original_unit, ru.code AS replica_unit, ri.status AS replica_status
           FROM replication r
           JOIN implementation_project op ON op.id = r.original_project_id JOIN org_unit ou ON ou.id = op.org_unit_id
           JOIN implementation_project rp ON rp.id = r.replica_project_id JOIN org_unit ru ON ru.id = rp.org_unit_id
           JOIN idea ri ON ri.id = rp.idea_id WHERE r.id = $1`,
        [r.replicationId],
      ),
    ).toEqual({ status: 'active', original_unit: 'DS-SOINS', replica_unit: 'DS-PREV', replica_status: 'implement' });
    // The meeting-room idea in implement keeps no project: a browser test names its owner (project.e2e.ts).
    expect(
      await one(
        `SELECT i.status, (SELECT count(*)::int FROM implementation_project p WHERE p.idea_id = i.id) AS projects
           FROM idea i WHERE i.id = '5eed0000-9f0f-4000-8000-000000000002'`,
        [],
      ),
    ).toEqual({ status: 'implement', projects: 0 });
    // Seeding again made nothing twice.
    expect(Number((await one(`SELECT count(*) AS n FROM replication`, []))?.['n'])).toBe(1);
  });

  it('leaves a real directory alone', async () => {
    const other = await createTestDatabase('seedreal');
    const real = new DataSource(dataSourceOptions(other.url, { poolSize: 1 }));
    await real.initialize();
    try {
      await real.getRepository(Person).insert({ employeeNumber: 'HR-123', givenName: 'Réel', familyName: 'Employé', email: 'reel@example.org' });
      expect(await seed(real)).toEqual({ applied: false, createdUnits: 0, createdPeople: 0 });
      expect(await real.getRepository(Person).count()).toBe(1);
    } finally {
      await real.destroy();
      await other.drop();
    }
  });
});
