import type { DataSource } from 'typeorm';
import { DEMO_EMPLOYEE_PREFIX } from './seed/demo-organisation';

/**
 * Demo accounts that can still sign in: active demo people (employee number DEMO-…) with a local
 * password, which is the one published in the README. A production database must hold none:
 * `npm start` and the api image refuse to start in production while any exists (docs/configuration.md).
 */
export async function countDemoAccounts(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query(
    `SELECT count(*)::int AS n FROM person p
      WHERE p.active AND p.employee_number LIKE $1 || '%'
        AND EXISTS (SELECT 1 FROM local_credential c WHERE c.person_id = p.id)`,
    [DEMO_EMPLOYEE_PREFIX],
  )) as { n: number }[];
  return row?.n ?? 0;
}

/**
 * Takes every demo account out of use, in one transaction: password removed, sessions ended, roles
 * revoked, person deactivated, one audit event each. The rows stay (ideas and comments point at
 * them); a directory import never reactivates them since their DEMO- numbers are in no HR file.
 * Returns how many people were disabled.
 */
export async function disableDemoAccounts(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const people = ((await manager.query(
      `SELECT id FROM person
        WHERE employee_number LIKE $1 || '%'
          AND (active OR EXISTS (SELECT 1 FROM local_credential c WHERE c.person_id = person.id))
        FOR UPDATE`,
      [DEMO_EMPLOYEE_PREFIX],
    )) as { id: string }[]).map((r) => r.id);
    if (people.length === 0) return 0;
    await manager.query(`DELETE FROM local_credential WHERE person_id = ANY($1::uuid[])`, [people]);
    await manager.query(
      `UPDATE user_session SET ended_at = now(), end_reason = 'deactivated' WHERE person_id = ANY($1::uuid[]) AND ended_at IS NULL`,
      [people],
    );
    await manager.query(`UPDATE role_grant SET revoked_at = now() WHERE person_id = ANY($1::uuid[]) AND revoked_at IS NULL`, [people]);
    await manager.query(
      `UPDATE person SET active = false, deactivated_at = coalesce(deactivated_at, now()), updated_at = now() WHERE id = ANY($1::uuid[])`,
      [people],
    );
    await manager.query(
      `INSERT INTO audit_event (actor_id, action, subject_type, subject_id, data, request_id)
       SELECT NULL, 'person.deactivated', 'person', id::text, '{"reason":"demo_account_disabled"}'::jsonb, NULL
         FROM unnest($1::uuid[]) AS t(id)`,
      [people],
    );
    return people.length;
  });
}
