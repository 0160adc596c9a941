import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService, DIRECTORY_COLUMNS, DirectoryImportRunner } from '@eclore/server-identity';
import { LocalDiskStorage } from '@eclore/server-platform';
import { openSession, type SignedIn } from '../../../test/harness/agent';
import { createApiTestContext, type ApiTestContext } from '../../../test/harness/api-context';

/**
 * The directory API in the real application (guard, sessions, validation, problem+json) against a
 * real PostgreSQL. The worker's part of an import is run with the same runner the job uses.
 */
type Row = Record<(typeof DIRECTORY_COLUMNS)[number], string>;

function row(n: number, unit: string, parent: string, kind: string, extra: Partial<Row> = {}): Row {
  return {
    employee_number: `E${n}`,
    given_name: n === 900 ? 'Hélène' : `Given${n}`,
    family_name: n === 900 ? 'Rh' : `Family${n}`,
    email: `p${n}@example.org`,
    org_unit_code: unit,
    org_unit_name: `Unit ${unit}`,
    org_unit_kind: kind,
    parent_org_unit_code: parent,
    locale: '',
    ...extra,
  };
}

const FILE_ROWS: Row[] = [
  row(900, 'D1', '', 'direction'),
  row(901, 'S1', 'D1', 'service'),
  row(902, 'U1', 'S1', 'unit'),
  row(903, 'U1', 'S1', 'unit'),
  row(904, 'D2', '', 'direction'),
];

function csv(rows: readonly Row[]): string {
  return (
    [DIRECTORY_COLUMNS.join(';'), ...rows.map((r) => DIRECTORY_COLUMNS.map((c) => r[c]).join(';'))].join('\n') + '\n'
  );
}

describe('directory API', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let storageDir: string;
  let runner: DirectoryImportRunner;
  const auth: Record<'hr' | 'employee' | 'network', SignedIn> = {} as never;

  const http = () => request(app.getHttpServer());
  const get = (path: string, who: keyof typeof auth) => http().get(path).set('Cookie', auth[who].cookie);

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-dirapi-'));
    ctx = await createApiTestContext({ label: 'dirapi', env: { STORAGE_DIR: storageDir } });
    ({ app, ds } = ctx);
    runner = new DirectoryImportRunner(ds, new LocalDiskStorage(storageDir), new AuditService());

    // Already in the directory before the first import: HR (E900, unchanged by the file), E901 and E902
    // (moved by it). They sign in as HR, a plain employee, and (later) a network member scoped to S1.
    const [d1] = (await ds.query(
      `INSERT INTO org_unit (code, name, kind, path) VALUES ('D1', 'Unit D1', 'direction', '{}') RETURNING id`,
    )) as { id: string }[];
    await ds.query(`UPDATE org_unit SET path = ARRAY[id]`);
    const people = (await ds.query(
      `INSERT INTO person (employee_number, given_name, family_name, email, org_unit_id)
       VALUES ('E900', 'Hélène', 'Rh', 'p900@example.org', $1), ('E901', 'Given901', 'Family901', 'p901@example.org', $1),
              ('E902', 'Given902', 'Family902', 'p902@example.org', $1)
       RETURNING id, employee_number`,
      [d1!.id],
    )) as { id: string; employee_number: string }[];
    const idOf = (n: string) => people.find((p) => p.employee_number === n)!.id;
    await ds.query(`INSERT INTO role_grant (person_id, role) VALUES ($1, 'hr')`, [idOf('E900')]);
    auth.hr = await openSession(app, idOf('E900'));
    auth.employee = await openSession(app, idOf('E901'));
    auth.network = await openSession(app, idOf('E902'));
  });

  afterAll(async () => {
    await ctx?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const upload = (who: keyof typeof auth, content: Buffer | string, name = 'directory.csv') =>
    http()
      .post('/api/directory/imports')
      .set('Cookie', auth[who].cookie)
      .set('X-CSRF-Token', auth[who].csrfToken)
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), {
        filename: name,
        contentType: 'text/csv',
      });

  it('refuses an import to a signed-out visitor (401) and to an employee (403)', async () => {
    await http()
      .post('/api/directory/imports')
      .attach('file', Buffer.from(csv(FILE_ROWS)), 'd.csv')
      .expect(401);
    const res = await upload('employee', csv(FILE_ROWS)).expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('role_required');
    await get('/api/directory/imports', 'employee').expect(403);
    await get('/api/headcounts', 'employee').expect(403);
  });

  it('refuses a missing, binary or header-less file, naming the field', async () => {
    const missing = await http()
      .post('/api/directory/imports')
      .set('Cookie', auth.hr.cookie)
      .set('X-CSRF-Token', auth.hr.csrfToken)
      .expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'isNotEmpty' })]);
    const binary = await upload('hr', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff]), 'directory.xlsx').expect(400);
    expect(binary.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'notTextCsv' })]);
    const headerless = await upload('hr', 'name;mail\nA;b\n').expect(400);
    expect(headerless.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'missingColumn' })]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM directory_import`)).toEqual([{ n: 0 }]);
  });

  it('accepts HR’s upload (202), queues the job with the import, and reports progress then the outcome', async () => {
    const res = await upload('hr', csv(FILE_ROWS)).expect(202);
    const id = res.body.id as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ds.query(`SELECT job_name, payload FROM outbox_message`)).toEqual([
      { job_name: 'directory.import', payload: { importId: id } },
    ]);

    const queued = await get(`/api/directory/imports/${id}`, 'hr').expect(200);
    expect(queued.body).toMatchObject({
      id,
      status: 'queued',
      fileName: 'directory.csv',
      processedRows: 0,
      totalRows: null,
      errors: [],
    });

    await expect(runner.run(id)).resolves.toMatchObject({ kind: 'completed' });
    const done = await get(`/api/directory/imports/${id}`, 'hr').expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      totalRows: 5,
      processedRows: 5,
      createdCount: 2,
      updatedCount: 2,
      unchangedCount: 1,
      deactivatedCount: 0,
      errorCount: 0,
    });
    const list = await get('/api/directory/imports', 'hr').expect(200);
    expect(list.body[0]).toMatchObject({ id, status: 'completed', createdCount: 2 });

    await get('/api/directory/imports/not-a-uuid', 'hr')
      .expect(400)
      .expect((r) => expect(r.body.errors).toEqual([expect.objectContaining({ field: 'id' })]));
  });

  it('shows a rejected file’s lines in the import', async () => {
    const bad = [...FILE_ROWS, row(905, 'U9', 'NOWHERE', 'unit', { email: 'broken' })];
    const { body } = await upload('hr', csv(bad)).expect(202);
    await runner.run(body.id as string);
    const res = await get(`/api/directory/imports/${body.id as string}`, 'hr').expect(200);
    expect(res.body.status).toBe('rejected');
    expect(
      res.body.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code]),
    ).toEqual([
      [7, 'email', 'invalid_email'],
      [7, 'parent_org_unit_code', 'unknown_parent'],
    ]);
  });

  it('serves the org unit tree, members with object-level access, people search and head counts', async () => {
    const units = (await get('/api/org-units', 'employee').expect(200)).body as {
      id: string;
      code: string;
      parentId: string | null;
    }[];
    expect(units.map((u) => u.code)).toEqual(['D1', 'S1', 'U1', 'D2']);
    const byCode = (code: string) => units.find((u) => u.code === code)!;
    expect(byCode('U1').parentId).toBe(byCode('S1').id);

    // Scope the network member to S1: U1 is inside, D2 is not.
    await ds.query(
      `INSERT INTO role_grant (person_id, role, scope_kind, scope_org_unit_id) SELECT id, 'network_member', 'org_unit', $1 FROM person WHERE employee_number = 'E902'`,
      [byCode('S1').id],
    );
    const members = await get(`/api/org-units/${byCode('U1').id}/members`, 'network').expect(200);
    expect(members.body.items.map((m: { employeeNumber: string }) => m.employeeNumber)).toEqual(['E902', 'E903']);
    expect((await get(`/api/org-units/${byCode('D2').id}/members`, 'network').expect(403)).body.code).toBe(
      'out_of_scope',
    );
    expect((await get(`/api/org-units/${byCode('U1').id}/members`, 'employee').expect(403)).body.code).toBe(
      'role_required',
    );

    // Keyset pages of one member each walk the whole subtree of D1 once.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: request.Response = await get(
        `/api/org-units/${byCode('D1').id}/members?subtree=true&limit=1${after ? `&after=${after}` : ''}`,
        'hr',
      ).expect(200);
      seen.push(...page.body.items.map((m: { employeeNumber: string }) => m.employeeNumber));
      after = page.body.nextCursor as string | null;
    } while (after);
    expect(seen.sort()).toEqual(['E900', 'E901', 'E902', 'E903']);

    const found = await get('/api/people?q=hél', 'employee').expect(200);
    expect(found.body).toEqual([
      {
        id: expect.any(String),
        givenName: 'Hélène',
        familyName: 'Rh',
        orgUnitId: byCode('D1').id,
        orgUnitName: 'Unit D1',
      },
    ]);
    expect((await get('/api/people?q=given90', 'employee').expect(200)).body).toHaveLength(4);
    expect(
      (await get('/api/people?q=p903@ex', 'employee').expect(200)).body.map(
        (p: { familyName: string }) => p.familyName,
      ),
    ).toEqual(['Family903']);
    const short = await get('/api/people?q=h', 'employee').expect(400);
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'q', code: 'minLength' })]);

    const year = new Date().getFullYear();
    const counts = await get(`/api/headcounts?year=${year}`, 'hr').expect(200);
    expect(counts.body.year).toBe(year);
    expect(
      counts.body.units.map((u: { code: string; directCount: number; totalCount: number; depth: number }) => [
        u.code,
        u.depth,
        u.directCount,
        u.totalCount,
      ]),
    ).toEqual([
      ['D1', 0, 1, 4],
      ['S1', 1, 1, 3],
      ['U1', 2, 2, 2],
      ['D2', 0, 1, 1],
    ]);
    const badYear = await get('/api/headcounts?year=abc', 'hr').expect(400);
    expect(badYear.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'year' })]));
  });
});
