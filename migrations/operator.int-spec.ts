import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { verifyPassword } from '@eclore/server-identity';
import { createTestDatabase } from '../test/database';
import { createAdmin, CreateAdminError, type CreateAdminInput } from './create-admin';
import { dataSourceOptions } from './data-source-options';
import { countDemoAccounts, disableDemoAccounts } from './demo-accounts';
import { seed } from './seed';

/** The operator commands behind `npm run create-admin` and `npm run demo-accounts` (issue 10, finding 5). */
describe('operator commands: first admin and demo accounts', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  const password = 'Plume-Verte-Quatorze-42!';

  beforeAll(async () => {
    db = await createTestDatabase('operator');
    ds = new DataSource(dataSourceOptions(db.url, { poolSize: 2 }));
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const refusal = async (input: CreateAdminInput) => {
    const err = await createAdmin(ds, input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CreateAdminError);
    return (err as CreateAdminError).option;
  };
  const grants = async (personId: string) =>
    ((await ds.query(`SELECT role, scope_kind FROM role_grant WHERE person_id = $1 AND revoked_at IS NULL`, [personId])) as unknown[]);

  it('creates the first admin, who holds the role and the password, audited', async () => {
    const result = await createAdmin(ds, {
      email: 'Ana.Silva@intranet.example',
      givenName: 'Ana',
      familyName: 'Silva',
      employeeNumber: '004211',
      password,
      locale: 'fr',
    });
    expect(result).toMatchObject({ personCreated: true, roleGranted: true, passwordSet: true });
    expect(await grants(result.personId)).toEqual([{ role: 'admin', scope_kind: 'organisation' }]);
    const [credential] = (await ds.query(`SELECT password_hash FROM local_credential WHERE person_id = $1`, [result.personId])) as { password_hash: string }[];
    expect(await verifyPassword(credential!.password_hash, password)).toBe(true);
    const audit = (await ds.query(`SELECT action, actor_id FROM audit_event WHERE subject_id = $1 ORDER BY id`, [result.personId])) as unknown[];
    expect(audit).toEqual([
      { action: 'person.created', actor_id: null },
      { action: 'role.granted', actor_id: null },
    ]);

    // Again, same e-mail in another case: the same person, no second grant.
    const again = await createAdmin(ds, { email: 'ana.silva@intranet.example', password: null });
    expect(again).toEqual({ personId: result.personId, personCreated: false, roleGranted: false, passwordSet: false });
    expect(await grants(result.personId)).toHaveLength(1);
  });

  it('refuses, naming the option: a bad e-mail, a weak password, a missing name, a taken number, a deactivated person', async () => {
    expect(await refusal({ email: 'not-an-address', password: null })).toBe('--email');
    expect(await refusal({ email: 'bob@intranet.example', givenName: 'Bob', familyName: 'Brun', employeeNumber: '1', password: 'short' })).toBe('password');
    expect(await refusal({ email: 'bob@intranet.example', givenName: 'Bob', employeeNumber: '1', password: null })).toBe('--family-name');
    expect(await refusal({ email: 'bob@intranet.example', givenName: 'Bob', familyName: 'Brun', employeeNumber: '004211', password: null })).toBe('--employee-number');
    await ds.query(`INSERT INTO person (employee_number, given_name, family_name, email, active) VALUES ('9', 'Old', 'Timer', 'old@intranet.example', false)`);
    expect(await refusal({ email: 'old@intranet.example', password: null })).toBe('--email');
    expect(await ds.query(`SELECT email FROM person WHERE email LIKE 'bob%'`)).toEqual([]);
  });

  it('counts the demo accounts that can sign in and disables them all, audited', async () => {
    expect(await countDemoAccounts(ds)).toBe(0);
    // The seed leaves real directories alone: the demo people go into a database of their own here.
    const demo = await createTestDatabase('operatordemo');
    const demoDs = new DataSource(dataSourceOptions(demo.url, { poolSize: 2 }));
    await demoDs.initialize();
    try {
      const seeded = await seed(demoDs);
      expect(seeded.applied).toBe(true);
      expect(await countDemoAccounts(demoDs)).toBe(seeded.createdPeople);
      expect(await disableDemoAccounts(demoDs)).toBe(seeded.createdPeople);
      expect(await countDemoAccounts(demoDs)).toBe(0);
      const [left] = (await demoDs.query(
        `SELECT count(*) FILTER (WHERE p.active)::int AS active,
                (SELECT count(*)::int FROM local_credential) AS passwords,
                (SELECT count(*)::int FROM role_grant WHERE revoked_at IS NULL) AS roles,
                (SELECT count(*)::int FROM user_session WHERE ended_at IS NULL) AS sessions,
                (SELECT count(*)::int FROM audit_event WHERE action = 'person.deactivated') AS audited
           FROM person p`,
      )) as Record<string, number>[];
      expect(left).toEqual({ active: 0, passwords: 0, roles: 0, sessions: 0, audited: seeded.createdPeople });
      // Nothing left to do the second time.
      expect(await disableDemoAccounts(demoDs)).toBe(0);
    } finally {
      await demoDs.destroy();
      await demo.drop();
    }
  });
});
