import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../../../test/harness';
import { AuditEvent } from '../entities';
import { GENESIS_HASH, chainHash } from './audit-chain';
import { AuditChainService } from './audit-chain.service';
import { AuditService } from './audit.service';

/**
 * The audit log's hash chain on a real PostgreSQL: every insert path is chained (the service,
 * set-based SQL, concurrent transactions), and an edit made by the table's owner around the
 * append-only trigger is found by the verifier, which names the row.
 */
describe('audit log hash chain (real PostgreSQL)', () => {
  const audit = new AuditService();
  const open: { close: () => Promise<void> }[] = [];

  /** A fresh migrated database with `n` audit rows written through the service, one transaction each. */
  async function database(n: number): Promise<DataSource> {
    const { ds, close } = await openTestDataSource('auditchain', { poolSize: 12 });
    open.push({ close });
    for (let i = 0; i < n; i += 1) await append(ds, i);
    return ds;
  }

  const append = (ds: DataSource, n: number) =>
    ds.transaction((manager) =>
      audit.append(manager, {
        actorId: null,
        action: 'test.appended',
        subjectType: 'test',
        subjectId: String(n),
        data: { n, label: `entrée ${n} — "quoted" \\ ✓`, nested: { b: [1, 2.5, null], a: true } },
      }),
    );

  /** Runs SQL as the table's owner with the append-only trigger switched off, as an insider could. */
  const asOwnerAroundTrigger = (ds: DataSource, sql: string, params: unknown[] = []) =>
    ds.transaction(async (manager) => {
      await manager.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await manager.query(sql, params);
      await manager.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    });

  const idOfSeq = async (ds: DataSource, seq: number) =>
    ((await ds.query(`SELECT id::text AS id FROM audit_event WHERE seq = $1`, [seq])) as { id: string }[])[0]!.id;

  afterAll(async () => {
    for (const { close } of open) await close();
  });

  it('chains every insert, sequential, set-based and concurrent, and verifies the whole log', async () => {
    const ds = await database(20);
    // Set-based SQL (as the directory import writes) goes through the same trigger.
    await ds.query(
      `INSERT INTO audit_event (actor_id, action, subject_type, subject_id, data)
       SELECT NULL, 'test.bulk', 'test', g::text, jsonb_build_object('g', g) FROM generate_series(1, 15) g`,
    );
    // 40 transactions at once on 12 connections: the chain-head lock queues them; no fork, no gap.
    await Promise.all(Array.from({ length: 40 }, (_, i) => append(ds, 100 + i)));

    const rows = await ds.getRepository(AuditEvent).find({ order: { seq: 'ASC' } });
    expect(rows).toHaveLength(75);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 75 }, (_, i) => i + 1));
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(75);

    const verdict = await new AuditChainService(ds).verify();
    expect(verdict).toEqual({ ok: true, entries: 75, headHash: rows[74]!.hash });
  });

  it('hashes every column (the whole row but the two hashes), in UTC whatever the session time zone', async () => {
    const ds = await database(0);
    const runner = ds.createQueryRunner();
    try {
      await runner.query(`SET timezone = 'Pacific/Chatham'`);
      await audit.append(runner.manager, { actorId: null, action: 'test.tz', subjectType: 'test', subjectId: null });
      const content = `jsonb_strip_nulls((to_jsonb(e) - 'hash') - 'prev_hash')::text AS content`;
      const [local] = (await runner.query(`SELECT prev_hash, hash, ${content} FROM audit_event e`)) as {
        prev_hash: string;
        hash: string;
        content: string;
      }[];
      // Rendered in the session's zone the content differs, so the link must be (and is) computed in UTC.
      expect(local!.content).toMatch(/\+1\d:45"/);
      expect(chainHash(local!.prev_hash, local!.content)).not.toBe(local!.hash);
      await runner.query(`SET timezone = 'UTC'`);
      const [utc] = (await runner.query(`SELECT ${content} FROM audit_event e`)) as { content: string }[];
      // Every column but the hashes, less those that are null (so a nullable column added later
      // leaves the rows written before it as they were hashed).
      const [whole] = (await runner.query(`SELECT (to_jsonb(e) - 'hash') - 'prev_hash' AS row FROM audit_event e`)) as {
        row: Record<string, unknown>;
      }[];
      const nonNull = Object.keys(whole!.row).filter((k) => whole!.row[k] !== null);
      expect(nonNull).toEqual(expect.arrayContaining(['action', 'id', 'occurred_at', 'seq', 'subject_type']));
      expect(Object.keys(JSON.parse(utc!.content) as object).sort()).toEqual(nonNull.sort());
      expect(chainHash(local!.prev_hash, utc!.content)).toBe(local!.hash);
    } finally {
      await runner.release();
    }
    expect((await new AuditChainService(ds).verify()).ok).toBe(true);
  });

  it('keeps verifying the rows written before a nullable column was added to the log', async () => {
    const ds = await database(5);
    await ds.query(`ALTER TABLE audit_event ADD COLUMN test_later text`);
    await ds.transaction((manager) =>
      manager.query(
        `INSERT INTO audit_event (action, subject_type, data, test_later) VALUES ('test.later', 'test', '{}', 'x')`,
      ),
    );
    expect(await new AuditChainService(ds).verify()).toMatchObject({ ok: true, entries: 6 });
  });

  it('back-fills the chain over the rows written before the migration, in id order', async () => {
    const ds = await database(0);
    // Back to the schema before AuditChain (undoing any later migration too).
    const chained = async () =>
      Number((await ds.query(`SELECT count(*) AS n FROM schema_migration WHERE name LIKE 'AuditChain%'`))[0].n) > 0;
    while (await chained()) await ds.undoLastMigration({ transaction: 'each' });
    expect(
      await ds.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'audit_event' AND column_name = 'hash'`,
      ),
    ).toEqual([]);
    for (let i = 0; i < 12; i += 1) {
      await ds.query(
        `INSERT INTO audit_event (actor_id, action, subject_type, subject_id, data) VALUES (NULL, 'test.old', 'test', $1, $2)`,
        [String(i), JSON.stringify({ i, note: 'écrit avant la chaîne' })],
      );
    }
    await ds.runMigrations({ transaction: 'each' });
    await append(ds, 99);
    expect(await new AuditChainService(ds).verify()).toEqual({ ok: true, entries: 13, headHash: expect.any(String) });
    const order = (await ds.query(`SELECT id::int AS id FROM audit_event ORDER BY seq`)) as { id: number }[];
    expect(order.map((r) => r.id)).toEqual([...order.map((r) => r.id)].sort((a, b) => a - b));
  });

  it('names the row an owner edited around the trigger', async () => {
    const ds = await database(6);
    const edited = await idOfSeq(ds, 4);
    await asOwnerAroundTrigger(ds, `UPDATE audit_event SET data = '{"n": 3, "forged": true}' WHERE id = $1`, [edited]);
    expect(await new AuditChainService(ds).verify()).toEqual({
      ok: false,
      entries: 3,
      brokenAt: { id: edited, seq: '4', reason: 'content_changed' },
    });
  });

  it('finds an edit whose hash was recomputed, at the next row', async () => {
    const ds = await database(6);
    const edited = await idOfSeq(ds, 2);
    await asOwnerAroundTrigger(ds, `UPDATE audit_event SET subject_id = 'someone else' WHERE id = $1`, [edited]);
    await asOwnerAroundTrigger(ds, `UPDATE audit_event e SET hash = audit_event_hash(e.prev_hash, e) WHERE id = $1`, [
      edited,
    ]);
    expect(await new AuditChainService(ds).verify()).toEqual({
      ok: false,
      entries: 2,
      brokenAt: { id: await idOfSeq(ds, 3), seq: '3', reason: 'link_broken' },
    });
  });

  it('finds a deleted row at the row after it', async () => {
    const ds = await database(6);
    await asOwnerAroundTrigger(ds, `DELETE FROM audit_event WHERE seq = 3`);
    expect(await new AuditChainService(ds).verify()).toEqual({
      ok: false,
      entries: 2,
      brokenAt: { id: await idOfSeq(ds, 4), seq: '4', reason: 'link_broken' },
    });
  });

  it('finds rows cut from the end (the chain head remembers the last one)', async () => {
    const ds = await database(6);
    await asOwnerAroundTrigger(ds, `DELETE FROM audit_event WHERE seq > 4`);
    expect(await new AuditChainService(ds).verify()).toEqual({
      ok: false,
      entries: 4,
      brokenAt: { id: null, seq: '6', reason: 'head_mismatch' },
    });
  });

  it('still refuses UPDATE and DELETE while the append-only trigger is on', async () => {
    const ds = await database(2);
    await expect(ds.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    expect((await new AuditChainService(ds).verify()).ok).toBe(true);
  });
});
