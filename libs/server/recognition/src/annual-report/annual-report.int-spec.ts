import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { OrgUnit } from '@eclore/server-identity';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { makeIdea, makeIdeaHistory, makePerson, makeUnit, refusal, type TestPerson } from '../../../../../test/harness';
import { RecognitionJobsModule, RecognitionModule } from '../recognition.module';
import { AnnualFiguresService } from '../report/annual-figures.service';
import { AnnualReportBuilder } from './annual-report.builder';
import { AnnualReportScheduler } from './annual-report.scheduler';
import { AnnualReportService } from './annual-report.service';
import { LINK_MINUTES, type ReportFileKind } from './download-links';
import { pdfLines } from '../../../../../test/pdf-text';

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const LAST_YEAR = new Date().getUTCFullYear() - 1;

/**
 * The annual report runs on real PostgreSQL and a real file store: one run per (year, scope) at a
 * time, the scope checked by the policy, the builder's progress and files (PDF fr/en read back, XLSX
 * read back with its neutralised cells), an honest empty year, and the signed links.
 */
describe('annual report runs (real PostgreSQL, local file store)', () => {
  let ctx: ServiceTestContext;
  let storageDir: string;
  let service: AnnualReportService;
  let builder: AnnualReportBuilder;
  let hr: TestPerson;
  let lead: TestPerson;
  let employee: TestPerson;
  let root: OrgUnit;
  let unitA: OrgUnit;
  let unitB: OrgUnit;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-annual-report-'));
    ctx = await createServiceTestContext({
      label: 'annual_report',
      // The api's module and the worker's (the yearly schedule's request lives there).
      imports: [RecognitionModule, RecognitionJobsModule],
      env: { STORAGE_DIR: storageDir },
    });
    service = ctx.get(AnnualReportService);
    builder = ctx.get(AnnualReportBuilder);
    root = await makeUnit(ctx.ds, { code: 'DIR' });
    unitA = await makeUnit(ctx.ds, { code: 'DIR-LODZ', name: 'Łódź — équipe Nguyễn & Zoë Ørsted', parent: root });
    unitB = await makeUnit(ctx.ds, { code: 'DIR-F', name: '=HYPERLINK("http://x.example","clic")', parent: root });
    hr = await makePerson(ctx.ds, { roles: ['hr'], password: null });
    lead = await makePerson(ctx.ds, { roles: [{ role: 'network_lead', unit: unitA }], password: null });
    employee = await makePerson(ctx.ds, { unit: unitA, password: null });
    const author = await makePerson(ctx.ds, { unit: unitA, password: null });
    const idea = await makeIdea(ctx.ds, { authors: [author.person], unit: unitA, status: 'collect' });
    await makeIdeaHistory(ctx.ds, idea, [
      { type: 'submit', from: 'emerge', to: 'collect', at: new Date(Date.UTC(LAST_YEAR, 2, 1)), actor: author.person },
    ]);
    // Every change of a run's progress, in order (a trigger of this test's database only).
    await ctx.ds.query(
      `CREATE TABLE test_progress_log (n bigserial PRIMARY KEY, run_id uuid, progress smallint, status text)`,
    );
    await ctx.ds.query(`
      CREATE FUNCTION test_log_progress() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_progress_log (run_id, progress, status) VALUES (NEW.id, NEW.progress, NEW.status); RETURN NEW; END $$`);
    await ctx.ds.query(`
      CREATE TRIGGER test_progress AFTER UPDATE ON annual_report_run FOR EACH ROW
      WHEN (OLD.progress IS DISTINCT FROM NEW.progress OR OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION test_log_progress()`);
  });
  afterAll(async () => {
    await ctx?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  const outboxFor = async (runId: string) =>
    Number(
      (
        (await ctx.ds.query(
          `SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'recognition.annual_report' AND payload->>'runId' = $1`,
          [runId],
        )) as { n: number }[]
      )[0]!.n,
    );

  it('answers the queued run of a year and scope instead of starting a second one', async () => {
    const first = await service.request(hr.actor, LAST_YEAR - 5, unitA.id, null);
    expect(first).toMatchObject({ created: true, run: { status: 'queued', progress: 0, year: LAST_YEAR - 5 } });
    const again = await service.request(hr.actor, LAST_YEAR - 5, unitA.id, null);
    expect(again).toMatchObject({ created: false, run: { id: first.run.id } });
    // Another scope or another year is another run.
    const organisation = await service.request(hr.actor, LAST_YEAR - 5, null, null);
    expect(organisation.created).toBe(true);
    expect(organisation.run.id).not.toBe(first.run.id);
    expect(organisation.run.scope).toBeNull();
    // One job per run, asked once.
    expect(await outboxFor(first.run.id)).toBe(1);
    const audit = (await ctx.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'annual_report.requested' AND subject_id = $1`,
      [first.run.id],
    )) as { n: number }[];
    expect(audit[0]!.n).toBe(1);
  });

  it('answers the running run too, and starts a new one once it is done', async () => {
    const { run } = await service.request(hr.actor, LAST_YEAR - 4, null, null);
    await ctx.ds.query(`UPDATE annual_report_run SET status = 'running', started_at = now() WHERE id = $1`, [run.id]);
    expect((await service.request(hr.actor, LAST_YEAR - 4, null, null)).run.id).toBe(run.id);
    expect(await builder.run(run.id)).toBe('built');
    const next = await service.request(hr.actor, LAST_YEAR - 4, null, null);
    expect(next.created).toBe(true);
    expect(next.run.id).not.toBe(run.id);
  });

  it('refuses a scope the reader may not see, bad years and unknown units, naming the field', async () => {
    expect(await refusal(service.request(lead.actor, LAST_YEAR, unitB.id, null))).toEqual({
      code: 'out_of_scope',
      fields: [],
    });
    expect(await refusal(service.request(lead.actor, LAST_YEAR, null, null))).toEqual({
      code: 'out_of_scope',
      fields: [],
    });
    expect(await refusal(service.request(employee.actor, LAST_YEAR, null, null))).toEqual({
      code: 'role_required',
      fields: [],
    });
    expect(await refusal(service.request(hr.actor, LAST_YEAR + 2, null, null))).toEqual({
      code: 'validation_failed',
      fields: ['year'],
    });
    expect(await refusal(service.request(hr.actor, LAST_YEAR, '00000000-0000-4000-8000-000000000000', null))).toEqual({
      code: 'validation_failed',
      fields: ['orgUnitId'],
    });
    // The lead within their scope may; another scope's run is refused to them on reading too.
    const own = await service.request(lead.actor, LAST_YEAR - 3, unitA.id, null);
    expect(own.created).toBe(true);
    const other = await service.request(hr.actor, LAST_YEAR - 3, unitB.id, null);
    expect(await refusal(service.get(lead.actor, other.run.id))).toEqual({ code: 'out_of_scope', fields: [] });
    expect((await service.list(lead.actor)).map((r) => r.id)).toContain(own.run.id);
    expect((await service.list(lead.actor)).map((r) => r.id)).not.toContain(other.run.id);
    expect(await refusal(service.get(hr.actor, '00000000-0000-4000-8000-000000000000'))).toEqual({
      code: 'annual_report_run_not_found',
      fields: [],
    });
  });

  it('builds the report with its progress: figures, drill-down, PDF in French and English, XLSX', async () => {
    const { run } = await service.request(hr.actor, LAST_YEAR, root.id, null);
    expect(await builder.run(run.id)).toBe('built');

    const log = (await ctx.ds.query(`SELECT progress, status FROM test_progress_log WHERE run_id = $1 ORDER BY n`, [
      run.id,
    ])) as { progress: number; status: string }[];
    const progress = log.map((l) => l.progress);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.filter((p) => p > 0 && p < 100).length).toBeGreaterThanOrEqual(3);
    expect(log.at(-1)!.status).toBe('done');

    const done = await service.get(hr.actor, run.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, scope: { id: root.id } });
    expect(done.figures).toMatchObject({ year: LAST_YEAR, ideasSubmitted: 1 });
    expect(done.units.map((u) => u.unit.code).sort()).toEqual(['DIR-F', 'DIR-LODZ']);
    expect(done.units.find((u) => u.unit.id === unitA.id)!.figures.ideasSubmitted).toBe(1);
    // The figures the API answers, to the cell: the report reads the scope and its units in one
    // snapshot and the tables above each unit once (AnnualFiguresService.reportFigures), which
    // changes no figure; a unit has no year on year in the report.
    const api = ctx.get(AnnualFiguresService);
    expect(done.figures).toMatchObject(JSON.parse(JSON.stringify(await api.figures(hr.actor, LAST_YEAR, root.id))));
    for (const u of done.units) {
      const own = await api.figures(hr.actor, LAST_YEAR, u.unit.id);
      expect(u.figures).toEqual(JSON.parse(JSON.stringify({ ...own, yearOnYear: [] })));
    }

    expect(readdirSync(join(storageDir, 'annual-reports', run.id)).sort()).toEqual([
      'report-en.pdf',
      'report-en.xlsx',
      'report-fr.pdf',
      'report.xlsx',
    ]);
    const file = async (url: string) => {
      const u = new URL(url, 'http://x');
      const kind = u.pathname.split('/').pop() as ReportFileKind;
      return service.download(run.id, kind, Number(u.searchParams.get('expires')), u.searchParams.get('signature')!);
    };
    const fr = await file(done.downloads!.pdfFr);
    expect(fr).toMatchObject({
      contentType: 'application/pdf',
      fileName: `eclore-annual-report-${LAST_YEAR}-DIR-fr.pdf`,
    });
    const frText = await pdfLines(await bytes(fr.stream));
    expect(frText).toContain(`Bilan annuel de l’innovation participative ${LAST_YEAR}`);
    for (const heading of ['Former', 'Pratiquer', 'Mesurer et rendre compte', 'Célébrer', 'Évolution sur un an'])
      expect(frText).toContain(heading);
    expect(frText).toContain('Łódź — équipe Nguyễn & Zoë Ørsted'); // the Unicode font, not Helvetica
    const enText = await pdfLines(await bytes((await file(done.downloads!.pdfEn)).stream));
    expect(enText).toContain(`Annual participative-innovation report ${LAST_YEAR}`);
    expect(enText).toContain('Measure and report');

    const xlsx = await file(done.downloads!.xlsx);
    expect(xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytes(xlsx.stream)) as never);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['Bilan', 'Chiffres clés', 'Former', 'Par unité', 'Évolution sur un an']),
    );
    const summary = book.getWorksheet('Chiffres clés')!;
    const ideasRow = summary.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Idées déposées') as unknown[];
    expect(ideasRow[2]).toBe(1); // a number stays a number
    const byUnit = book.getWorksheet('Par unité')!;
    const cells = byUnit.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));
    expect(cells).toContain(`'=HYPERLINK("http://x.example","clic") (DIR-F)`);
    expect(cells.some((c) => typeof c === 'string' && c.startsWith('='))).toBe(false);

    // The English workbook: the same figures under English names, as neutralised.
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await bytes((await file(done.downloads!.xlsxEn)).stream)) as never);
    expect(en.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Report', 'Key figures', 'Train']));
    const enIdeas = en
      .getWorksheet('Key figures')!
      .getSheetValues()
      .find((r) => Array.isArray(r) && r[1] === 'Ideas submitted') as unknown[];
    expect(enIdeas[2]).toBe(ideasRow[2]);
  });

  it('gives an honest empty report for a year without data', async () => {
    const { run } = await service.request(hr.actor, 2001, null, null);
    expect(await builder.run(run.id)).toBe('built');
    const done = await service.get(hr.actor, run.id);
    expect(done.status).toBe('done');
    expect(done.figures).toMatchObject({ ideasSubmitted: 0, participationRate: null, implementedIdeas: 0 });
    const u = new URL(done.downloads!.pdfEn, 'http://x');
    const pdf = await service.download(
      run.id,
      'pdf-en',
      Number(u.searchParams.get('expires')),
      u.searchParams.get('signature')!,
    );
    const text = await pdfLines(await bytes(pdf.stream));
    expect(text).toContain('Annual participative-innovation report 2001');
    expect(text).toContain('No activity recorded for this year in this scope');
    // Building an already built run does nothing.
    expect(await builder.run(run.id)).toBe('already_done');
  });

  it('serves a file only through an untouched, unexpired link', async () => {
    const { run } = await service.request(hr.actor, 2002, null, null);
    await builder.run(run.id);
    const now = new Date();
    const done = await service.get(hr.actor, run.id, now);
    expect(Date.parse(done.downloads!.expiresAt) - now.getTime()).toBeLessThanOrEqual(LINK_MINUTES * 60_000);
    const u = new URL(done.downloads!.xlsx, 'http://x');
    const expires = Number(u.searchParams.get('expires'));
    const signature = u.searchParams.get('signature')!;
    await expect(service.download(run.id, 'xlsx', expires, signature)).resolves.toMatchObject({
      contentType: expect.any(String),
    });

    const tampered = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    expect(await refusal(service.download(run.id, 'xlsx', expires, tampered))).toMatchObject({
      code: 'download_link_invalid',
    });
    expect(await refusal(service.download(run.id, 'xlsx', expires + 3600, signature))).toMatchObject({
      code: 'download_link_invalid',
    });
    expect(await refusal(service.download(run.id, 'pdf-fr', expires, signature))).toMatchObject({
      code: 'download_link_invalid',
    });
    const otherRun = (await service.request(hr.actor, 2003, null, null)).run.id;
    expect(await refusal(service.download(otherRun, 'xlsx', expires, signature))).toMatchObject({
      code: 'download_link_invalid',
    });
    // A file the store lost is a conflict to resolve by asking again, not a server error.
    rmSync(join(storageDir, 'annual-reports', run.id, 'report.xlsx'));
    expect(await refusal(service.download(run.id, 'xlsx', expires, signature))).toMatchObject({
      code: 'annual_report_not_ready',
    });
    const later = new Date(expires * 1000 + 1000);
    expect(await refusal(service.download(run.id, 'xlsx', expires, signature, later))).toMatchObject({
      code: 'download_link_expired',
    });
  });

  it('asks, for the yearly schedule, the whole organisation’s report once however often it fires', async () => {
    const scheduler = ctx.get(AnnualReportScheduler);
    const first = await scheduler.request(2005);
    const again = await scheduler.request(2005);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, run: { id: first.run.id } });
    expect(first.run).toMatchObject({ year: 2005, scopeUnitId: null, requestedBy: null, status: 'queued' });
    expect(await outboxFor(first.run.id)).toBe(1);
  });

  it('marks a run failed on its last attempt, so a new request starts another', async () => {
    const { run } = await service.request(hr.actor, 2004, null, null);
    await builder.markFailed(run.id, new Error('disk full'));
    expect((await service.get(hr.actor, run.id)).status).toBe('failed');
    expect(await builder.run(run.id)).toBe('already_done');
    const again = await service.request(hr.actor, 2004, null, null);
    expect(again.created).toBe(true);
  });
});
