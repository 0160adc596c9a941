import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { LocalDiskStorage } from '@eclore/server-platform';
import { openTestDataSource, type TestDataSource } from '../../../../../test/harness';
import { DIRECTORY_COLUMNS } from './csv-format';
import { DirectoryImportRunner } from './directory-import.runner';

/**
 * The import job's work against a real PostgreSQL: validation, the one apply transaction, idempotence,
 * deactivation with sessions ended, rejection without any change, head counts, progress.
 */
type Row = Record<(typeof DIRECTORY_COLUMNS)[number], string>;

const YEAR = new Date().getFullYear();

function person(n: number, unit: string, extra: Partial<Row> = {}): Row {
  return {
    employee_number: `E${n}`,
    given_name: `Given${n}`,
    family_name: `Family${n}`,
    email: `person${n}@example.org`,
    org_unit_code: unit,
    org_unit_name: `Name of ${unit}`,
    org_unit_kind: unit.startsWith('D') ? 'direction' : unit.startsWith('S') ? 'service' : 'unit',
    parent_org_unit_code: unit === 'D1' ? '' : unit.startsWith('S') ? 'D1' : 'S1',
    locale: '',
    ...extra,
  };
}

/** D1 (1 person) → S1 (1 person) → U1 (2 people), U2 (1 person). */
const BASE: Row[] = [
  person(1, 'D1'),
  person(2, 'S1'),
  person(3, 'U1'),
  person(4, 'U1'),
  person(5, 'U2', { locale: 'en' }),
];

function csv(rows: readonly Row[], sep = ',', bom = false): string {
  const quote = (v: string) =>
    v.includes(sep) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v;
  const lines = [DIRECTORY_COLUMNS.join(sep), ...rows.map((r) => DIRECTORY_COLUMNS.map((c) => quote(r[c])).join(sep))];
  return `${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

describe('directory import (runner, real PostgreSQL)', () => {
  let db: TestDataSource;
  let ds: DataSource;
  let dir: string;
  let storage: LocalDiskStorage;
  let runner: DirectoryImportRunner;
  let progress: { status: string; processedRows: number; totalRows: number | null }[];

  beforeAll(async () => {
    db = await openTestDataSource('dirimport', { poolSize: 4 });
    ds = db.ds;
    dir = mkdtempSync(join(tmpdir(), 'eclore-dir-'));
    storage = new LocalDiskStorage(dir);
    runner = new DirectoryImportRunner(ds, storage, undefined, {
      progressIntervalMs: 0,
      onProgress: (p) => progress.push(p),
    });
  });

  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    progress = [];
    // Each test starts from an empty directory (the audit log is append-only, so it keeps growing).
    await ds.query(
      `DELETE FROM user_session; DELETE FROM org_unit_headcount; DELETE FROM person; DELETE FROM directory_import`,
    );
    await ds.query(`UPDATE org_unit SET parent_id = NULL; DELETE FROM org_unit`);
  });

  async function upload(content: string, startedBy: string | null = null): Promise<string> {
    const id = randomUUID();
    const storageKey = `directory-imports/${id}.csv`;
    await storage.put(storageKey, Buffer.from(content));
    await ds.query(
      `INSERT INTO directory_import (id, status, file_name, storage_key, errors, started_by) VALUES ($1, 'queued', 'test.csv', $2, '[]', $3)`,
      [id, storageKey, startedBy],
    );
    return id;
  }

  async function importRow(id: string) {
    return (await ds.query(`SELECT * FROM directory_import WHERE id = $1`, [id]))[0] as Record<string, unknown> & {
      errors: { line: number; field: string | null; code: string }[];
    };
  }

  async function people() {
    return (await ds.query(
      `SELECT p.employee_number, p.given_name, p.family_name, p.email, p.active, p.locale, u.code AS unit
       FROM person p LEFT JOIN org_unit u ON u.id = p.org_unit_id ORDER BY p.employee_number`,
    )) as {
      employee_number: string;
      given_name: string;
      email: string;
      active: boolean;
      locale: string | null;
      unit: string;
    }[];
  }

  async function headcounts(year = YEAR) {
    return (await ds.query(
      `SELECT u.code, h.direct_count, h.total_count FROM org_unit_headcount h JOIN org_unit u ON u.id = h.org_unit_id WHERE h.year = $1 ORDER BY u.code`,
      [year],
    )) as { code: string; direct_count: number; total_count: number }[];
  }

  /** Everything an import may change, to prove a rejected one changed nothing. */
  async function snapshot() {
    return {
      people: await ds.query(`SELECT * FROM person ORDER BY employee_number`),
      units: await ds.query(`SELECT * FROM org_unit ORDER BY code`),
      headcounts: await ds.query(`SELECT * FROM org_unit_headcount ORDER BY org_unit_id, year`),
      sessions: await ds.query(`SELECT * FROM user_session ORDER BY token_hash`),
      audit: await ds.query(`SELECT count(*)::int AS n FROM audit_event`),
    };
  }

  async function openSession(employeeNumber: string): Promise<string> {
    const tokenHash = randomBytes(32).toString('hex');
    await ds.query(
      `INSERT INTO user_session (token_hash, person_id, csrf_token, method, last_seen_at, expires_at)
       SELECT $1, id, 'csrf', 'local', now(), now() + interval '1 hour' FROM person WHERE employee_number = $2`,
      [tokenHash, employeeNumber],
    );
    return tokenHash;
  }

  it('creates the org units with their tree, the people and the head counts, and shows progress to the total', async () => {
    const id = await upload(csv(BASE));
    const outcome = await runner.run(id);
    expect(outcome).toMatchObject({
      kind: 'completed',
      counts: { created: 5, updated: 0, unchanged: 0, deactivated: 0 },
      totalRows: 5,
    });

    const units = (await ds.query(
      `SELECT u.code, u.kind, u.active, p.code AS parent, (SELECT array_agg(a.code ORDER BY t.ord) FROM unnest(u.path) WITH ORDINALITY t(id, ord) JOIN org_unit a ON a.id = t.id) AS path
       FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id ORDER BY u.code`,
    )) as unknown[];
    expect(units).toEqual([
      { code: 'D1', kind: 'direction', active: true, parent: null, path: ['D1'] },
      { code: 'S1', kind: 'service', active: true, parent: 'D1', path: ['D1', 'S1'] },
      { code: 'U1', kind: 'unit', active: true, parent: 'S1', path: ['D1', 'S1', 'U1'] },
      { code: 'U2', kind: 'unit', active: true, parent: 'S1', path: ['D1', 'S1', 'U2'] },
    ]);
    expect((await people()).map((p) => [p.employee_number, p.unit, p.active, p.locale])).toEqual([
      ['E1', 'D1', true, null],
      ['E2', 'S1', true, null],
      ['E3', 'U1', true, null],
      ['E4', 'U1', true, null],
      ['E5', 'U2', true, 'en'],
    ]);
    expect(await headcounts()).toEqual([
      { code: 'D1', direct_count: 1, total_count: 5 },
      { code: 'S1', direct_count: 1, total_count: 4 },
      { code: 'U1', direct_count: 2, total_count: 2 },
      { code: 'U2', direct_count: 1, total_count: 1 },
    ]);

    const row = await importRow(id);
    expect(row).toMatchObject({
      status: 'completed',
      total_rows: 5,
      processed_rows: 5,
      created_count: 5,
      error_count: 0,
    });
    expect(row['finished_at']).not.toBeNull();
    const audit = (await ds.query(
      `SELECT data FROM audit_event WHERE action = 'directory.imported' AND subject_id = $1`,
      [id],
    )) as { data: Record<string, unknown> }[];
    expect(audit).toEqual([
      { data: expect.objectContaining({ created: 5, updated: 0, unchanged: 0, deactivated: 0, rows: 5 }) },
    ]);
    // The uploaded file is gone once processed.
    expect(await storage.size(`directory-imports/${id}.csv`)).toBeNull();

    // Both phases were reported, each reaching the total.
    const validating = progress.filter((p) => p.status === 'validating');
    const applying = progress.filter((p) => p.status === 'applying');
    expect(validating.at(-1)).toEqual({ status: 'validating', processedRows: 5, totalRows: 5 });
    expect(applying.at(-1)).toEqual({ status: 'applying', processedRows: 5, totalRows: 5 });
    expect(progress.findIndex((p) => p.status === 'applying')).toBeGreaterThan(
      progress.findIndex((p) => p.status === 'validating'),
    );
  });

  it('changes nothing when the same file is imported again (BOM and semicolons too)', async () => {
    await runner.run(await upload(csv(BASE)));
    const before = await snapshot();
    const again = await runner.run(await upload(csv(BASE, ';', true)));
    expect(again).toMatchObject({
      kind: 'completed',
      counts: { created: 0, updated: 0, unchanged: 5, deactivated: 0 },
    });
    const after = await snapshot();
    expect(after.people).toEqual(before.people);
    expect(after.units).toEqual(before.units);
    expect(after.headcounts).toEqual(before.headcounts);
  });

  it('updates changed people, deactivates the absent (ending their sessions) and reactivates returning ones', async () => {
    await runner.run(await upload(csv(BASE)));
    await ds.query(
      `INSERT INTO org_unit_headcount (org_unit_id, year, direct_count, total_count) SELECT id, $1, 99, 99 FROM org_unit WHERE code = 'D1'`,
      [YEAR - 1],
    );
    const leaverSession = await openSession('E4');
    const stayerSession = await openSession('E3');

    const changed = [
      person(1, 'D1'),
      person(2, 'S1', { family_name: 'Renamed' }),
      person(3, 'U2'), // moved from U1 to U2
      person(5, 'U2', { locale: '' }), // blank locale keeps the person's 'en'
      person(6, 'U1'), // new
    ];
    const outcome = await runner.run(await upload(csv(changed)));
    expect(outcome).toMatchObject({
      kind: 'completed',
      counts: { created: 1, updated: 2, unchanged: 2, deactivated: 1 },
    });

    const list = await people();
    expect(list.find((p) => p.employee_number === 'E2')).toMatchObject({ given_name: 'Given2' });
    expect(list.map((p) => [p.employee_number, p.unit, p.active, p.locale])).toEqual([
      ['E1', 'D1', true, null],
      ['E2', 'S1', true, null],
      ['E3', 'U2', true, null],
      ['E4', 'U1', false, null],
      ['E5', 'U2', true, 'en'],
      ['E6', 'U1', true, null],
    ]);
    const sessions = (await ds.query(
      `SELECT token_hash, ended_at IS NOT NULL AS ended, end_reason FROM user_session`,
    )) as { token_hash: string; ended: boolean; end_reason: string | null }[];
    expect(sessions.find((s) => s.token_hash === leaverSession)).toMatchObject({
      ended: true,
      end_reason: 'deactivated',
    });
    expect(sessions.find((s) => s.token_hash === stayerSession)).toMatchObject({ ended: false, end_reason: null });
    const deactivations = (await ds.query(
      `SELECT p.employee_number FROM audit_event a JOIN person p ON p.id::text = a.subject_id WHERE a.action = 'person.deactivated'`,
    )) as { employee_number: string }[];
    expect(deactivations).toEqual([{ employee_number: 'E4' }]);

    // Head counts of this year follow the file; the previous year's figures stay as they were.
    expect(await headcounts()).toEqual([
      { code: 'D1', direct_count: 1, total_count: 5 },
      { code: 'S1', direct_count: 1, total_count: 4 },
      { code: 'U1', direct_count: 1, total_count: 1 },
      { code: 'U2', direct_count: 2, total_count: 2 },
    ]);
    expect(await headcounts(YEAR - 1)).toEqual([{ code: 'D1', direct_count: 99, total_count: 99 }]);

    const back = await runner.run(await upload(csv([...changed, person(4, 'U1')])));
    expect(back).toMatchObject({ kind: 'completed', counts: { created: 0, updated: 1, unchanged: 5, deactivated: 0 } });
    expect((await people()).find((p) => p.employee_number === 'E4')).toMatchObject({ active: true });
    expect(await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'person.reactivated'`)).toEqual([
      { n: 1 },
    ]);
  });

  it('lets two people swap e-mail addresses in one file', async () => {
    await runner.run(await upload(csv(BASE)));
    const swapped = BASE.map((r) =>
      r.employee_number === 'E3'
        ? { ...r, email: 'person4@example.org' }
        : r.employee_number === 'E4'
          ? { ...r, email: 'person3@example.org' }
          : r,
    );
    expect(await runner.run(await upload(csv(swapped)))).toMatchObject({ kind: 'completed', counts: { updated: 2 } });
    expect((await people()).filter((p) => ['E3', 'E4'].includes(p.employee_number)).map((p) => p.email)).toEqual([
      'person4@example.org',
      'person3@example.org',
    ]);
  });

  it('rejects a file with bad rows, naming every bad line, and applies nothing', async () => {
    await runner.run(await upload(csv(BASE)));
    const before = await snapshot();
    const bad = [
      person(1, 'D1', { given_name: 'Changed' }), // valid, must not be applied
      person(2, 'S1', { email: 'not-an-email' }),
      person(1, 'U1', { email: 'other@example.org' }), // duplicate employee number
      person(7, 'U3', { parent_org_unit_code: 'NOWHERE' }),
      person(8, 'U1', { org_unit_kind: 'team', locale: 'de' }),
      person(9, 'U1', { email: 'PERSON1@example.org' }), // duplicate e-mail (case-insensitive)
    ];
    const id = await upload(csv(bad));
    expect(await runner.run(id)).toMatchObject({ kind: 'rejected', errorCount: 6 });
    const row = await importRow(id);
    expect(row['status']).toBe('rejected');
    expect(row['processed_rows']).toBe(6);
    expect(row.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, 'email', 'invalid_email'],
      [4, 'employee_number', 'duplicate_employee_number'],
      [5, 'parent_org_unit_code', 'unknown_parent'],
      [6, 'org_unit_kind', 'invalid_kind'],
      [6, 'locale', 'invalid_locale'],
      [7, 'email', 'duplicate_email'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects an address still held by someone who leaves, and a file that does not contain the importer', async () => {
    await runner.run(await upload(csv(BASE)));
    const before = await snapshot();
    // E4 leaves and a newcomer gets their address: E4 keeps it (deactivated people keep their record).
    const reuse = BASE.filter((r) => r.employee_number !== 'E4').concat(
      person(10, 'U1', { email: 'Person4@example.org' }),
    );
    const reuseId = await upload(csv(reuse));
    expect(await runner.run(reuseId)).toMatchObject({ kind: 'rejected' });
    expect((await importRow(reuseId)).errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [6, 'email', 'email_taken'],
    ]);

    const [importer] = (await ds.query(`SELECT id FROM person WHERE employee_number = 'E5'`)) as { id: string }[];
    const withoutMe = await upload(csv(BASE.filter((r) => r.employee_number !== 'E5')), importer!.id);
    expect(await runner.run(withoutMe)).toMatchObject({ kind: 'rejected' });
    expect((await importRow(withoutMe)).errors.map((e) => e.code)).toEqual(['importer_missing']);
    expect(await snapshot()).toEqual(before);
  });

  it('rejects a malformed CSV and a header without the required columns, naming the line', async () => {
    const broken = await upload(`${DIRECTORY_COLUMNS.join(',')}\nE1,"unclosed,x\n`);
    expect(await runner.run(broken)).toMatchObject({ kind: 'rejected' });
    expect((await importRow(broken)).errors).toEqual([expect.objectContaining({ code: 'malformed_csv', field: null })]);

    const headerless = await upload('employee_number,given_name\nE1,A\n');
    expect(await runner.run(headerless)).toMatchObject({ kind: 'rejected' });
    expect((await importRow(headerless)).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ line: 1, field: 'email', code: 'missing_column' })]),
    );
    expect(await people()).toEqual([]);
  });

  it('imports the documented sample file', async () => {
    const sample = readFileSync(join(__dirname, '../../../../../docs/samples/directory-sample.csv'), 'utf8');
    expect(await runner.run(await upload(sample))).toMatchObject({ kind: 'completed', counts: { created: 7 } });
    expect((await headcounts()).find((h) => h.code === 'DST')).toEqual({
      code: 'DST',
      direct_count: 1,
      total_count: 5,
    });
  });

  it('does nothing when run again on a finished import (a retried job)', async () => {
    const id = await upload(csv(BASE));
    await runner.run(id);
    const before = await snapshot();
    expect(await runner.run(id)).toEqual({ kind: 'skipped', reason: 'already_finished' });
    expect(await runner.run(randomUUID())).toEqual({ kind: 'skipped', reason: 'not_found' });
    expect(await snapshot()).toEqual(before);
  });

  it('marks the import failed when its file is gone from the store', async () => {
    const id = await upload(csv(BASE));
    await storage.remove(`directory-imports/${id}.csv`);
    expect(await runner.run(id)).toEqual({ kind: 'failed', code: 'file_missing' });
    expect(await importRow(id)).toMatchObject({
      status: 'failed',
      errors: [expect.objectContaining({ code: 'file_missing' })],
    });
  });
});
