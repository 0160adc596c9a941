import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { LocalDiskStorage } from '@eclore/server-platform';
import { EXPORT_CATEGORIES, PersonalDataExportBuilder } from '@eclore/server-identity';
import { binaryBody, identityMarkers, makeIdea } from '../../../../test/harness';
import { type Member, createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';
import { leaveRealisationTraces, leaveTraces, untarGz, type RealisationTraces, type Traces } from './fixtures';

/**
 * "Download my data" over real HTTP: the request queues a worker job (outbox), the builder (the
 * worker's code) writes the archive with progress, the owner downloads it until it expires.
 */
describe('personal data export API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let storageDir: string;
  let builder: PersonalDataExportBuilder;
  let girard: Member; // the person exporting
  let wilson: Member; // another employee
  let anonymousIdeaId: string;
  let wilsonsIdeaId: string;
  let traces: Traces;
  let realisation: RealisationTraces;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-pdexport-'));
    ctx = await createApiTestContext({
      label: 'pdexport',
      seed: true,
      env: { STORAGE_DRIVER: 'local', STORAGE_DIR: storageDir },
    });
    ({ ds } = ctx);
    const storage = new LocalDiskStorage(storageDir);
    builder = new PersonalDataExportBuilder(ds, storage);
    girard = await ctx.signInDemo('Girard');
    wilson = await ctx.signInDemo('Wilson');

    // Girard: an anonymous idea of his own, a co-authorship on Wilson's idea, and every other trace
    // on Wilson's idea; Wilson comments on Girard's anonymous idea.
    const anonymous = await makeIdea(ds, { authors: [girard.person], anonymous: true, title: 'Anonymous irritant' });
    anonymousIdeaId = anonymous.id;
    const wilsons = await makeIdea(ds, { authors: [wilson.person], title: 'Wilson idea' });
    wilsonsIdeaId = wilsons.id;
    await ds.query(
      `INSERT INTO idea_author (idea_id, person_id, role, status, invited_by, invited_at, responded_at)
       VALUES ($1, $2, 'co_author', 'accepted', $3, now(), now())`,
      [wilsons.id, girard.person.id, wilson.person.id],
    );
    traces = await leaveTraces(ds, storage, girard.person.id, wilsons.id, anonymous.id, 'girard');
    realisation = await leaveRealisationTraces(ds, girard.person.id, wilsons.id, 'girard');
    await ds.query(`INSERT INTO idea_comment (idea_id, author_id, body_html) VALUES ($1, $2, '<p>by wilson</p>')`, [
      anonymous.id,
      wilson.person.id,
    ]);
  });

  afterAll(async () => {
    await ctx?.close();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  async function exportOf(
    who: Member,
  ): Promise<{ id: string; data: Record<string, unknown>; files: Map<string, Buffer> }> {
    const requested = await who.send('post', '/api/me/data-exports').expect(202);
    expect(requested.body).toMatchObject({ status: 'queued', downloadable: false });
    const id = requested.body.id as string;
    await expect(builder.run(id)).resolves.toBe('built');
    const archive = await who.get(`/api/me/data-exports/${id}/download`).buffer(true).parse(binaryBody).expect(200);
    expect(archive.headers['content-type']).toBe('application/gzip');
    expect(archive.headers['content-disposition']).toMatch(
      /^attachment; filename="eclore-my-data-\d{4}-\d{2}-\d{2}\.tar\.gz"$/,
    );
    const files = untarGz(archive.body as Buffer);
    const data = JSON.parse(files.get('data.json')?.toString('utf8') ?? 'null') as Record<string, unknown>;
    return { id, data, files };
  }

  it('queues a worker job, shows progress, and gives the owner every category of their data with their attachments', async () => {
    const { id, data, files } = await exportOf(girard);
    const outbox = (await ds.query(`SELECT payload FROM outbox_message WHERE job_name = 'personal_data.export'`)) as {
      payload: { exportId: string };
    }[];
    expect(outbox.map((o) => o.payload.exportId)).toContain(id);
    const status = await girard.get(`/api/me/data-exports/${id}`).expect(200);
    expect(status.body).toMatchObject({ status: 'ready', downloadable: true, doneSteps: status.body.totalSteps });
    expect(status.body.totalSteps).toBe(EXPORT_CATEGORIES.length + 1); // every category and one attachment

    expect(data['profile']).toMatchObject({ id: girard.person.id, email: girard.person.email });
    const ids = (key: string) => (data[key] as { id?: string; ideaId?: string }[]).map((r) => r.id ?? r.ideaId);
    // The anonymous idea is his own data: it is in his export, marked anonymous.
    expect(data['ideas']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: anonymousIdeaId, anonymous: true, yourRole: 'author' }),
        expect.objectContaining({ title: 'Wilson idea', yourRole: 'co_author' }),
      ]),
    );
    expect(ids('comments')).toEqual([traces.commentId]);
    expect(ids('supports')).toHaveLength(1);
    expect(ids('follows')).toHaveLength(1);
    expect(ids('scorecards')).toEqual([traces.scorecardId]);
    expect(ids('privateNotes')).toEqual([traces.noteId]);
    expect(data['notifications']).toHaveLength(1);
    expect(data['notificationPreferences']).toEqual([
      expect.objectContaining({ category: 'activity', frequency: 'daily' }),
    ]);
    // The realisation and recognition: his team, his log entry, his project, its update and review, his claim.
    expect(data['ideaTeams']).toEqual([expect.objectContaining({ ideaId: wilsonsIdeaId, role: 'member' })]);
    expect(ids('logEntries')).toEqual([realisation.logEntryId]);
    expect(ids('projectsOwned')).toEqual([realisation.projectId]);
    expect(ids('projectUpdates')).toEqual([realisation.projectUpdateId]);
    expect(data['fieldReviews']).toEqual([
      expect.objectContaining({ id: realisation.fieldReviewId, whatHappened: 'review girard' }),
    ]);
    expect(ids('contributionClaims')).toEqual([realisation.claimId]);
    expect(ids('recognitions')).toContain(realisation.recognitionId);
    expect(data['signIns']).toEqual(
      expect.arrayContaining([expect.objectContaining({ method: expect.any(String), createdAt: expect.any(String) })]),
    );
    expect(JSON.stringify(data['signIns'])).not.toMatch(/token|csrf/i);
    expect(data['auditEntries']).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'personal_data.export_requested', byYou: true })]),
    );
    const [attachment] = data['attachments'] as { id: string; file: string }[];
    expect(attachment?.id).toBe(traces.attachmentId);
    expect(files.get(attachment?.file ?? '')?.equals(traces.attachmentBytes)).toBe(true);
    // Nobody else's comment is in it.
    expect(JSON.stringify(data)).not.toContain('by wilson');
  });

  it("never names the anonymous author in another person's export", async () => {
    const { data } = await exportOf(wilson);
    const json = JSON.stringify(data);
    for (const marker of identityMarkers(girard.person)) expect(json).not.toContain(marker);
    expect(data['profile']).toMatchObject({ id: wilson.person.id });
    expect(json).not.toContain('note girard');
  });

  it('refuses the export and its download to anyone else, as if it did not exist', async () => {
    const mine = (await girard.get('/api/me/data-exports').expect(200)).body as { id: string }[];
    const id = mine[0]?.id ?? '';
    const other = await wilson.get(`/api/me/data-exports/${id}`).expect(404);
    expect(other.body.code).toBe('personal_data_export_not_found');
    await wilson.get(`/api/me/data-exports/${id}/download`).expect(404);
    expect(
      ((await wilson.get('/api/me/data-exports').expect(200)).body as { id: string }[]).map((e) => e.id),
    ).not.toContain(id);
  });

  it('refuses the download once the link has expired, and audits each download', async () => {
    const requested = await girard.send('post', '/api/me/data-exports').expect(202);
    const id = requested.body.id as string;
    // The open request is answered again rather than queued twice.
    expect((await girard.send('post', '/api/me/data-exports').expect(202)).body.id).toBe(id);
    const early = await girard.get(`/api/me/data-exports/${id}/download`).expect(409);
    expect(early.body.code).toBe('personal_data_export_not_ready');
    await builder.run(id);
    await girard.get(`/api/me/data-exports/${id}/download`).expect(200);
    await ds.query(`UPDATE personal_data_export SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    const late = await girard.get(`/api/me/data-exports/${id}/download`).expect(409);
    expect(late.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(late.body.code).toBe('personal_data_export_expired');
    expect((await girard.get(`/api/me/data-exports/${id}`).expect(200)).body.downloadable).toBe(false);
    const audited = (await ds.query(
      `SELECT action FROM audit_event WHERE actor_id = $1 AND data->>'exportId' = $2 ORDER BY id`,
      [girard.person.id, id],
    )) as { action: string }[];
    expect(audited.map((a) => a.action)).toEqual(['personal_data.export_requested', 'personal_data.export_downloaded']);
  });
  it('leaves no archive behind when the person is erased while it is being built', async () => {
    const requested = await girard.send('post', '/api/me/data-exports').expect(202);
    const id = requested.body.id as string;
    // The erasure commits while the worker streams the attachments (simulated at the size lookup).
    class ErasedMidway extends LocalDiskStorage {
      override async size(key: string): Promise<number | null> {
        if (key.startsWith('idea-attachments/')) await ds.query('DELETE FROM personal_data_export WHERE id = $1', [id]);
        return super.size(key);
      }
    }
    const storage = new ErasedMidway(storageDir);
    await expect(new PersonalDataExportBuilder(ds, storage).run(id)).resolves.toBe('gone');
    expect(await storage.size(`personal-data-exports/${id}.tar.gz`)).toBeNull();
  });
});
