import { randomUUID } from 'node:crypto';
import { Not, Like, type DataSource, type EntityManager } from 'typeorm';
import {
  checkPasswordPolicy,
  hashPassword,
  LocalCredential,
  OrgUnit,
  Person,
  RoleGrant,
} from '@eclore/server-identity';
import { DEMO_EMPLOYEE_PREFIX, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_UNITS, demoEmail } from './seed/demo-organisation';
import { refreshHeadcounts } from './seed/headcounts';
import { seedCampaigns } from './seed/campaigns';
import { seedAnswerTimeDemo } from './seed/answer-time';
import { seedCommitteeDemo } from './seed/committee';
import { seedReviewQueueDemo } from './seed/review-queue';
import { seedPortfolioDemo } from './seed/portfolio';
import { seedScorecardsDemo } from './seed/scorecards';
import { seedImpactDemo } from './seed/impact';
import { seedFieldReviewsDemo } from './seed/field-reviews';
import { seedRealisationDemo } from './seed/realisation';
import { replayLedger } from './replay-ledger';

export interface SeedResult {
  /** false when the database holds a real directory: the seed then leaves it alone. */
  applied: boolean;
  createdUnits: number;
  createdPeople: number;
}

/**
 * The demo data `npm start` loads: an organisation of 40 people in three directions with one account
 * per role (docs/demo-accounts.md). Idempotent: it creates only what is missing, in one transaction,
 * so running it on every start changes nothing once done, and it never overwrites what people did in
 * the demo (a revoked role stays revoked). A database whose directory holds anyone else (a real HR
 * import) is not a demo: the seed does nothing there.
 */
export async function seed(dataSource: DataSource): Promise<SeedResult> {
  const result = await seedInOneTransaction(dataSource);
  // Some seeded events are written without the outbox (history dated in the past): the ledger's
  // replay records their contributions, so "my contributions" and the HR figures are not empty in the
  // demo. It records only what the ledger lacks, so every start after the first adds nothing.
  if (result.applied) await replayLedger(dataSource);
  return result;
}

function seedInOneTransaction(dataSource: DataSource): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    // One seed at a time, even if two processes start together.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('eclore.demo.seed'))`);
    const foreign = await manager
      .getRepository(Person)
      .existsBy({ employeeNumber: Not(Like(`${DEMO_EMPLOYEE_PREFIX}%`)) });
    if (foreign) return { applied: false, createdUnits: 0, createdPeople: 0 };

    const units = await seedUnits(manager);
    const createdPeople = await seedPeople(manager, units.byCode);
    // Headcounts of the current year, computed as a directory import computes them.
    await refreshHeadcounts(manager, new Date().getFullYear());
    await seedCampaigns(manager);
    await seedAnswerTimeDemo(manager);
    await seedCommitteeDemo(manager);
    await seedReviewQueueDemo(manager);
    await seedPortfolioDemo(manager);
    await seedScorecardsDemo(manager);
    await seedImpactDemo(manager);
    await seedFieldReviewsDemo(manager);
    // Last: it gives the ideas of the seeds above their teams, experiment, projects and replication.
    await seedRealisationDemo(manager);
    return { applied: true, createdUnits: units.created, createdPeople };
  });
}

async function seedUnits(manager: EntityManager): Promise<{ byCode: Map<string, OrgUnit>; created: number }> {
  const repo = manager.getRepository(OrgUnit);
  const byCode = new Map((await repo.find()).map((u) => [u.code, u]));
  let created = 0;
  // Parents come first in DEMO_UNITS, so each path can be built from the parent's.
  for (const unit of DEMO_UNITS) {
    if (byCode.has(unit.code)) continue;
    const parent = unit.parent ? byCode.get(unit.parent) : undefined;
    if (unit.parent && !parent) throw new Error(`Demo unit ${unit.code}: parent ${unit.parent} is missing`);
    const id = randomUUID();
    const row = repo.create({
      id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentId: parent?.id ?? null,
      path: [...(parent?.path ?? []), id],
      active: true,
    });
    byCode.set(unit.code, await repo.save(row));
    created += 1;
  }
  return { byCode, created };
}

async function seedPeople(manager: EntityManager, units: ReadonlyMap<string, OrgUnit>): Promise<number> {
  const people = manager.getRepository(Person);
  const existing = new Set((await people.find({ select: { employeeNumber: true } })).map((p) => p.employeeNumber));
  const missing = DEMO_PEOPLE.filter((p) => !existing.has(`${DEMO_EMPLOYEE_PREFIX}${p.number}`));
  if (missing.length === 0) return 0;

  const problems = checkPasswordPolicy(DEMO_PASSWORD);
  if (problems.length)
    throw new Error(
      `The demo password no longer passes the password policy: ${problems.map((p) => p.code).join(', ')}`,
    );
  // One argon2id hash (own random salt) shared by the demo accounts: hashing 40 times would only slow every start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const unitId = (code: string): string => {
    const unit = units.get(code);
    if (!unit) throw new Error(`Demo unit ${code} is missing`);
    return unit.id;
  };
  for (const demo of missing) {
    const person = await people.save(
      people.create({
        employeeNumber: `${DEMO_EMPLOYEE_PREFIX}${demo.number}`,
        givenName: demo.givenName,
        familyName: demo.familyName,
        email: demoEmail(demo),
        orgUnitId: unitId(demo.unit),
        active: true,
        locale: demo.locale ?? null,
      }),
    );
    await manager.getRepository(LocalCredential).insert({ personId: person.id, passwordHash });
    for (const grant of demo.grants ?? []) {
      await manager.getRepository(RoleGrant).insert({
        personId: person.id,
        role: grant.role,
        scopeKind: grant.scopeUnit ? 'org_unit' : 'organisation',
        scopeOrgUnitId: grant.scopeUnit ? unitId(grant.scopeUnit) : null,
        scopeTheme: null,
        grantedBy: null,
      });
    }
  }
  return missing.length;
}
