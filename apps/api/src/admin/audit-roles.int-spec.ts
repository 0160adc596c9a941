import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@eclore/migrations';
import { AuditEvent } from '@eclore/server-identity';
import { admin as asAdmin, createTestDatabase, uniqueQueuePrefix } from '../../../../test/database';
import { TEST_REDIS_URL } from '../../../../test/services';
import { makePerson } from '../../../../test/harness';
import { signIn } from '../../../../test/harness/agent';
import { createModuleApp } from '../../../../test/harness/api-context';

/**
 * The documented database set-up (docs/operations.md, scripts/sql/app-role.sql): the api runs as an
 * application role that can append to and read the audit log but cannot rewrite it, nor switch off its
 * triggers; and the audit chain check (GET /api/admin/audit/chain) names a row the owner forged.
 */
describe('audit log under the application role (real PostgreSQL)', () => {
  const role = `eclore_app_t${randomBytes(4).toString('hex')}`;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let owner: DataSource;
  let appRole: Client;
  let app: NestExpressApplication;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase('auditroles');
    await asAdmin(`CREATE ROLE "${role}" LOGIN`);
    owner = new DataSource(dataSourceOptions(db.url, { poolSize: 2 }));
    await owner.initialize();
    // The documented script, as the owner, for this test's role name.
    const script = readFileSync(join(__dirname, '../../../../scripts/sql/app-role.sql'), 'utf8');
    await owner.query(script.replace(/\beclore_app\b/g, `"${role}"`));

    const appUrl = new URL(db.url);
    appUrl.username = role;
    appUrl.password = '';
    appRole = new Client({ connectionString: appUrl.toString() });
    await appRole.connect();
    Object.assign(process.env, {
      DATABASE_URL: appUrl.toString(),
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: uniqueQueuePrefix('auditroles'),
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://127.0.0.1:3998',
    });
    app = await createModuleApp();
  });

  afterAll(async () => {
    await app?.close();
    await appRole?.end();
    await owner?.destroy();
    await db?.drop();
    await asAdmin(`DROP ROLE IF EXISTS "${role}"`);
    process.env = saved;
  });

  it('runs the api as the application role: sign-ins are audited and chained', async () => {
    const someone = await makePerson(owner, { roles: [{ role: 'admin' }] });
    const before = await owner.getRepository(AuditEvent).count();
    const session = await signIn(app, someone.email, someone.password!);
    expect(await owner.getRepository(AuditEvent).count()).toBeGreaterThan(before);
    const chain = await session.agent.get('/api/admin/audit/chain').expect(200);
    expect(chain.body).toEqual({
      ok: true,
      entries: before + 1,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      brokenAt: null,
    });
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'forged'`, /permission denied/],
    ['DELETE', `DELETE FROM audit_event`, /permission denied/],
    ['TRUNCATE', `TRUNCATE audit_event`, /permission denied/],
    ['disable the triggers', `ALTER TABLE audit_event DISABLE TRIGGER USER`, /must be owner/],
    ['drop the append-only trigger', `DROP TRIGGER audit_event_append_only ON audit_event`, /must be owner/],
    ['move the chain head', `UPDATE audit_chain_head SET seq = 0`, /permission denied/],
    [
      'replace the hash function',
      `CREATE OR REPLACE FUNCTION audit_event_hash(prev text, e audit_event) RETURNS text LANGUAGE sql AS $$ SELECT prev $$`,
      /must be owner|permission denied/,
    ],
    [
      'add its own trigger',
      `CREATE TRIGGER t BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`,
      /permission denied/,
    ],
  ])('refuses the application role to %s', async (_label, sql, refusal) => {
    await expect(appRole.query(sql)).rejects.toThrow(refusal);
  });

  it('lets the application role append (chained) and read, not more', async () => {
    await appRole.query(
      `INSERT INTO audit_event (actor_id, action, subject_type, subject_id, data) VALUES (NULL, 'test.role', 'test', NULL, '{}')`,
    );
    const { rows } = await appRole.query(`SELECT seq::int AS seq FROM audit_chain_head`);
    const last = await owner.query(`SELECT max(seq)::int AS seq FROM audit_event`);
    expect(rows[0].seq).toBe(last[0].seq);
  });

  it('reports the first forged row through the admin check', async () => {
    const admin = await makePerson(owner, { roles: [{ role: 'admin' }] });
    const session = await signIn(app, admin.email, admin.password!);
    const [target] = (await owner.query(
      `SELECT id::text AS id, seq::text AS seq FROM audit_event ORDER BY seq LIMIT 1`,
    )) as {
      id: string;
      seq: string;
    }[];
    await owner.transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await manager.query(`UPDATE audit_event SET data = '{"rewritten": true}' WHERE id = $1`, [target!.id]);
      await manager.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    });
    const chain = await session.agent.get('/api/admin/audit/chain').expect(200);
    expect(chain.body).toEqual({
      ok: false,
      entries: 0,
      headHash: null,
      brokenAt: { id: target!.id, seq: target!.seq, reason: 'content_changed' },
    });
  });
});
