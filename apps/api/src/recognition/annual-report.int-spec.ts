import 'reflect-metadata';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { OrgUnit } from '@eclore/server-identity';
import { AnnualReportBuilder } from '@eclore/server-recognition';
import { binaryBody, expectProblem, makePerson, makeUnit } from '../../../../test/harness';
import { createApiTestContext, type ApiTestContext, type Member } from '../../../../test/harness/api-context';

/**
 * The annual report and the charter over real HTTP: 202 for a new run and 200 for the one already
 * queued, its progress, the files through their signed links (headers, content types), a tampered or
 * expired link answered 403 problem+json, a scope out of reach 403, charter inputs out of range 400
 * naming the field. The builder is run in-process here (no worker); the worker's run is in
 * apps/worker/src/handlers/annual-report.handler.int-spec.ts.
 */
describe('annual report and charter API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let storageDir: string;
  let unit: OrgUnit;
  let other: OrgUnit;
  let hr: Member;
  let lead: Member;
  const lastYear = new Date().getUTCFullYear() - 1;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-annual-report-api-'));
    ctx = await createApiTestContext({ label: 'annual_report_api', env: { STORAGE_DIR: storageDir } });
    ({ ds } = ctx);
    unit = await makeUnit(ds);
    other = await makeUnit(ds);
    [hr, lead] = await Promise.all([
      ctx.signInAs(await makePerson(ds, { roles: ['hr'] })),
      ctx.signInAs(await makePerson(ds, { unit, roles: [{ role: 'network_lead', unit }] })),
    ]);
  });

  afterAll(async () => {
    await ctx?.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('starts a run (202), answers the queued one again (200), then serves its files through signed links', async () => {
    const first = await hr.send('post', '/api/recognition/annual-reports', { year: lastYear }).expect(202);
    expect(first.body).toMatchObject({ year: lastYear, scope: null, status: 'queued', progress: 0, downloads: null });
    const again = await lead.send('post', '/api/recognition/annual-reports', { year: lastYear, orgUnitId: unit.id });
    expect(again.status).toBe(202); // another scope: another run
    const same = await hr.send('post', '/api/recognition/annual-reports', { year: lastYear }).expect(200);
    expect(same.body.id).toBe(first.body.id);

    await ctx.app.get(AnnualReportBuilder).run(first.body.id as string);
    const done = await hr.get(`/api/recognition/annual-reports/${first.body.id}`).expect(200);
    expect(done.body).toMatchObject({ status: 'done', progress: 100, figures: { year: lastYear } });
    const links = done.body.downloads as { pdfFr: string; pdfEn: string; xlsx: string };

    // The link is the authority: no session needed.
    const pdf = await ctx.http().get(links.pdfFr).buffer(true).parse(binaryBody).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="eclore-annual-report-${lastYear}-organisation-fr.pdf"`,
    );
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await ctx.http().get(links.xlsx).buffer(true).parse(binaryBody).expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain('.xlsx"');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');

    // Tampered: another file's kind, a stretched expiry, a changed signature.
    expectProblem(await ctx.http().get(links.pdfEn.replace('/pdf-en?', '/xlsx?')), 403, 'download_link_invalid');
    const stretched = links.xlsx.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 86_400}`);
    expectProblem(await ctx.http().get(stretched), 403, 'download_link_invalid');
    expectProblem(await ctx.http().get(links.xlsx.replace(/signature=./, 'signature=A')), 403, 'download_link_invalid');
    // Expired: a link signed with the run's own secret, an hour ago.
    const [row] = (await ds.query(`SELECT link_secret FROM annual_report_run WHERE id = $1`, [first.body.id])) as {
      link_secret: string;
    }[];
    const secret = row!.link_secret;
    const expires = Math.floor(Date.now() / 1000) - 3600;
    const signature = createHmac('sha256', secret)
      .update(`eclore-annual-report:${first.body.id}:xlsx:${expires}`)
      .digest('base64url');
    expectProblem(
      await ctx
        .http()
        .get(`/api/recognition/annual-reports/${first.body.id}/files/xlsx?expires=${expires}&signature=${signature}`),
      403,
      'download_link_expired',
    );
    // A kind that does not exist, or no signature: 400 naming the field.
    expectProblem(
      await ctx.http().get(`/api/recognition/annual-reports/${first.body.id}/files/docx?expires=1&signature=x`),
      400,
      'validation_failed',
      'kind',
    );
    expectProblem(
      await ctx.http().get(`/api/recognition/annual-reports/${first.body.id}/files/xlsx?expires=1`),
      400,
      'validation_failed',
      'signature',
    );

    const listed = await hr.get('/api/recognition/annual-reports').expect(200);
    expect((listed.body as { id: string; figures: unknown }[]).find((r) => r.id === first.body.id)).toMatchObject({
      status: 'done',
      figures: null,
    });
  });

  it('refuses a scope out of reach (403) and bad input (400 naming the field)', async () => {
    expectProblem(
      await lead.send('post', '/api/recognition/annual-reports', { year: lastYear, orgUnitId: other.id }),
      403,
      'out_of_scope',
    );
    expectProblem(await lead.send('post', '/api/recognition/annual-reports', { year: lastYear }), 403, 'out_of_scope');
    expectProblem(
      await hr.send('post', '/api/recognition/annual-reports', { year: 1999 }),
      400,
      'validation_failed',
      'year',
    );
    expectProblem(
      await hr.send('post', '/api/recognition/annual-reports', { year: lastYear + 2 }),
      400,
      'validation_failed',
      'year',
    );
    expectProblem(
      await hr.send('post', '/api/recognition/annual-reports', { year: lastYear, orgUnitId: 'nope' }),
      400,
      'validation_failed',
      'orgUnitId',
    );
    expectProblem(await hr.get('/api/recognition/annual-reports/not-a-uuid'), 400, 'validation_failed', 'id');
  });

  it('keeps the charter inputs with their history and refuses a value out of range naming the field', async () => {
    expectProblem(
      await hr.send('put', `/api/recognition/charter-inputs/${lastYear}`, { peopleTrained: 1_000_001 }),
      400,
      'validation_failed',
      'peopleTrained',
    );
    expectProblem(
      await hr.send('put', `/api/recognition/charter-inputs/${lastYear}`, { budget: 'lots' }),
      400,
      'validation_failed',
      'budget',
    );
    expectProblem(await hr.send('put', '/api/recognition/charter-inputs/1999', {}), 400, 'validation_failed', 'year');
    expectProblem(await lead.send('put', `/api/recognition/charter-inputs/${lastYear}`, {}), 403, 'role_required');
    await hr.send('put', `/api/recognition/charter-inputs/${lastYear}`, { celebrationsHeld: 3 }).expect(200);
    const after = await hr
      .send('put', `/api/recognition/charter-inputs/${lastYear}`, { celebrationsHeld: 4, budget: 1200.25 })
      .expect(200);
    expect(after.body).toMatchObject({
      year: lastYear,
      current: { celebrationsHeld: 4, budget: '1200.25', peopleTrained: null },
      history: [{ celebrationsHeld: 4 }, { celebrationsHeld: 3 }],
    });
    const read = await lead.get(`/api/recognition/charter-inputs?year=${lastYear}`).expect(200);
    expect(read.body.history).toHaveLength(2);
    const charter = await lead.get('/api/recognition/charter').expect(200);
    expect((charter.body.commitments as unknown[]).length).toBe(7);
    expectProblem(
      await hr.send('put', '/api/recognition/charter', {
        commitments: [{ key: 'Bad Key', title: { fr: 'x', en: 'x' }, indicators: [] }],
      }),
      400,
      'validation_failed',
      'commitments.0.key',
    );
  });
});
