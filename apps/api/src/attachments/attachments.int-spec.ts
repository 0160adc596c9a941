import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import exifReader from 'exif-reader';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { IdeaAttachment, IdeaEvent, MAX_ATTACHMENTS_PER_IDEA } from '@eclore/server-ideas';
import {
  HTML_AS_PNG,
  SECRET_AUTHOR,
  jpegWithGps,
  pdfLinkTargets,
  pdfWithActions,
  pdfWithMetadata,
  runnablePdfParts,
} from '../../../../test/fixtures/attachment-files';
import { binaryBody, identityMarkers, makeIdea, makeTeamMember, unitByCode } from '../../../../test/harness';
import { type Member, createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

/**
 * Attachments over real HTTP on the real application: real PostgreSQL, the local-disk store in a
 * temporary folder, the seeded demo organisation.
 */
describe('idea attachments API', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let storageDir: string;
  let author: Member; // Girard, Service des soins à domicile (DS)
  let reader: Member; // Wilson, employee
  let network: Member; // Tremblay, network member, whole organisation
  let scopedNetwork: Member; // Gagnon, network member, Direction de la santé only
  let guardian: Member; // Dubois

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-attachments-'));
    // A real listening socket: the racing uploads below are real concurrent HTTP requests.
    ctx = await createApiTestContext({
      label: 'attachments',
      seed: true,
      env: { STORAGE_DRIVER: 'local', STORAGE_DIR: storageDir },
      listen: true,
    });
    ({ app, ds } = ctx);
    author = await ctx.signInDemo('Girard');
    reader = await ctx.signInDemo('Wilson');
    network = await ctx.signInDemo('Tremblay');
    scopedNetwork = await ctx.signInDemo('Gagnon');
    guardian = await ctx.signInDemo('Dubois');
  });

  afterAll(async () => {
    await ctx?.close();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  const upload = (who: Member, ideaId: string, content: Buffer, name: string) =>
    who
      .send('post', `/api/ideas/${ideaId}/attachments`)
      .attach('file', content, { filename: name, contentType: 'image/png' });
  const storedFiles = (ideaId: string): string[] => {
    try {
      return readdirSync(join(storageDir, 'idea-attachments', ideaId));
    } catch {
      return [];
    }
  };

  it('lets the author attach a JPEG to a draft: the stored copy has no EXIF/GPS, the original bytes are not kept', async () => {
    const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
    const original = await jpegWithGps();
    // Sent as .png with a PNG content type: both are ignored, the content decides.
    const res = await upload(author, draft.id, original, 'photo.png').expect(201);
    expect(res.body).toMatchObject({
      ideaId: draft.id,
      fileName: 'photo.jpg',
      contentType: 'image/jpeg',
      uploadedBy: { id: author.person.id },
      downloadUrl: `/api/attachments/${res.body.id}`,
      canDelete: true,
    });

    const download = await author.get(`/api/attachments/${res.body.id}`).buffer(true).parse(binaryBody).expect(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toBe('attachment; filename="photo.jpg"');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const body = download.body as Buffer;
    expect(body.length).toBe(res.body.sizeBytes);
    expect(body.equals(original)).toBe(false);
    const meta = await sharp(body).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(body.includes(Buffer.from(SECRET_AUTHOR))).toBe(false);
    // The fixture did carry the position.
    expect(exifReader((await sharp(original).metadata()).exif!).GPSInfo?.GPSLatitude).toBeDefined();

    // On disk: exactly one file, the stripped copy.
    const files = storedFiles(draft.id);
    expect(files).toHaveLength(1);
    const event = await ds.getRepository(IdeaEvent).findOneByOrFail({ ideaId: draft.id, type: 'attachment_added' });
    expect(event.public).toBe(false);
  });

  it('rewrites a PDF without its Author/Title and XMP, keeping an accented file name', async () => {
    const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
    const res = await author
      .send('post', `/api/ideas/${draft.id}/attachments`)
      .attach('file', await pdfWithMetadata(), { filename: 'Étude coûts.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(res.body.contentType).toBe('application/pdf');
    const download = await author.get(res.body.downloadUrl).buffer(true).parse(binaryBody).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%C3%89tude%20co%C3%BBts.pdf");
    const pdf = download.body as Buffer;
    expect(pdf.toString('latin1')).not.toMatch(/\/Author|\/Title|xmpmeta|\/Metadata/);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.context.trailerInfo.Info).toBeUndefined();
    expect(doc.getPageCount()).toBe(1);
  });

  it('stores a PDF without any script or launch action, keeping its web links (finding 11)', async () => {
    const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
    const original = await pdfWithActions();
    expect((await runnablePdfParts(original)).length).toBeGreaterThan(5);
    const res = await author
      .send('post', `/api/ideas/${draft.id}/attachments`)
      .attach('file', original, { filename: 'form.pdf', contentType: 'application/pdf' })
      .expect(201);
    const download = await author.get(res.body.downloadUrl).buffer(true).parse(binaryBody).expect(200);
    const pdf = download.body as Buffer;
    expect(await runnablePdfParts(pdf)).toEqual([]);
    const raw = pdf.toString('latin1');
    for (const needle of ['/JavaScript', '/Launch', '/JS', 'EVIL-']) expect(raw).not.toContain(needle);
    expect(await pdfLinkTargets(pdf)).toEqual({ uris: ['https://example.org/kept'], goTos: 1 });
    // What is on disk is what was downloaded.
    expect(storedFiles(draft.id)).toHaveLength(1);
  });

  it('refuses a .png that is really HTML with 415 naming the field, and stores nothing', async () => {
    const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
    const res = await upload(author, draft.id, HTML_AS_PNG, 'photo.png').expect(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 415, code: 'unsupported_file_type' });
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'unsupported_file_type' })]);
    expect(await ds.getRepository(IdeaAttachment).countBy({ ideaId: draft.id })).toBe(0);
    expect(storedFiles(draft.id)).toEqual([]);
  });

  it('refuses a file over 10 MB with 413 naming the field', async () => {
    const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
    const big = Buffer.concat([await jpegWithGps(), Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(author, draft.id, big, 'big.jpg').expect(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 413, code: 'file_too_large' });
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    expect(storedFiles(draft.id)).toEqual([]);
  });

  it('refuses a request without a file (400 naming the field)', async () => {
    const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
    const res = await author.send('post', `/api/ideas/${draft.id}/attachments`).field('note', 'x').expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it(`stops at ${MAX_ATTACHMENTS_PER_IDEA} attachments per idea (409), even when uploads race`, async () => {
    const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'blue' } })
      .png()
      .toBuffer();
    const results = await Promise.all(
      Array.from({ length: MAX_ATTACHMENTS_PER_IDEA + 3 }, (_, i) => upload(author, draft.id, png, `p${i}.png`)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_ATTACHMENTS_PER_IDEA);
    expect(statuses.filter((s) => s === 409)).toHaveLength(3);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('attachment_limit_reached');
    expect(await ds.getRepository(IdeaAttachment).countBy({ ideaId: draft.id })).toBe(MAX_ATTACHMENTS_PER_IDEA);
    // Refused uploads leave no file behind.
    expect(storedFiles(draft.id)).toHaveLength(MAX_ATTACHMENTS_PER_IDEA);
  });

  describe('permissions', () => {
    it('hides a draft’s attachments from others (404), including the download', async () => {
      const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
      const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'red' } })
        .png()
        .toBuffer();
      const created = await upload(author, draft.id, png, 'a.png').expect(201);
      for (const other of [reader, scopedNetwork]) {
        expect((await other.get(`/api/ideas/${draft.id}/attachments`).expect(404)).body.code).toBe('idea_not_found');
        expect((await other.get(`/api/attachments/${created.body.id}`).expect(404)).body.code).toBe(
          'attachment_not_found',
        );
        await other.send('delete', `/api/attachments/${created.body.id}`).expect(404);
      }
      expect(await ds.getRepository(IdeaAttachment).countBy({ id: created.body.id })).toBe(1);
    });

    it('on a published idea: readers list and download; the author may no longer change; the network in scope may', async () => {
      const unit = await unitByCode(ds, 'DS-SOINS');
      const idea = await makeIdea(ds, { authors: [author.person], unit });
      const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'red' } })
        .png()
        .toBuffer();

      const byAuthor = await upload(author, idea.id, png, 'a.png').expect(403);
      expect(byAuthor.body.code).toBe('idea_not_editable');
      const byReader = await upload(reader, idea.id, png, 'a.png').expect(403);
      expect(byReader.body.code).toBe('attachment_not_allowed');

      const created = await upload(scopedNetwork, idea.id, png, 'schema.png').expect(201);
      const list = await reader.get(`/api/ideas/${idea.id}/attachments`).expect(200);
      expect(list.body).toMatchObject({
        canUpload: false,
        maxBytes: 10 * 1024 * 1024,
        maxCount: MAX_ATTACHMENTS_PER_IDEA,
      });
      expect(list.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, canDelete: false, fileName: 'schema.png' }),
      ]);
      expect((await network.get(`/api/ideas/${idea.id}/attachments`).expect(200)).body.canUpload).toBe(true);
      await reader.get(`/api/attachments/${created.body.id}`).expect(200);

      await reader.send('delete', `/api/attachments/${created.body.id}`).expect(403);
      await author.send('delete', `/api/attachments/${created.body.id}`).expect(403);
      await network.send('delete', `/api/attachments/${created.body.id}`).expect(204);
      await reader.get(`/api/attachments/${created.body.id}`).expect(404);
      expect(storedFiles(idea.id)).toEqual([]);
      expect(await ds.getRepository(IdeaEvent).countBy({ ideaId: idea.id, type: 'attachment_removed' })).toBe(1);
    });

    it('lets the idea team add photos and files for its log book while the idea is prototyped, never delete them', async () => {
      const unit = await unitByCode(ds, 'DS-SOINS');
      const prototype = await makeIdea(ds, { authors: [author.person], unit, status: 'prototype' });
      await makeTeamMember(ds, { idea: prototype, person: author.person, role: 'lead', isAuthor: true });
      await makeTeamMember(ds, { idea: prototype, person: reader.person });
      const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'blue' } })
        .png()
        .toBuffer();

      expect((await reader.get(`/api/ideas/${prototype.id}/attachments`).expect(200)).body.canUpload).toBe(true);
      const byMember = await upload(reader, prototype.id, png, 'essai.png').expect(201);
      await upload(author, prototype.id, png, 'carnet.png').expect(201);
      expect((await reader.send('delete', `/api/attachments/${byMember.body.id}`).expect(403)).body.code).toBe(
        'attachment_not_allowed',
      );
      // Once implemented, the log book is closed: the team is back to the ordinary rule.
      const implemented = await makeIdea(ds, { authors: [author.person], unit, status: 'implement' });
      await makeTeamMember(ds, { idea: implemented, person: reader.person });
      expect((await upload(reader, implemented.id, png, 'late.png').expect(403)).body.code).toBe(
        'attachment_not_allowed',
      );
      // Someone outside the team is refused on the prototype too.
      const outsider = await ctx.signInDemo('Monnier');
      await upload(outsider, prototype.id, png, 'x.png').expect(403);
    });

    it('keeps a network member out of ideas beyond their scope', async () => {
      const unit = await unitByCode(ds, 'DN-DATA');
      const idea = await makeIdea(ds, { authors: [reader.person], unit });
      const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'red' } })
        .png()
        .toBuffer();
      expect((await upload(scopedNetwork, idea.id, png, 'a.png').expect(403)).body.code).toBe('attachment_not_allowed');
      await upload(network, idea.id, png, 'a.png').expect(201);
    });

    it('lets the author delete while the idea is a draft', async () => {
      const draft = await makeIdea(ds, { authors: [author.person], status: 'emerge' });
      const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: 'red' } })
        .png()
        .toBuffer();
      const created = await upload(author, draft.id, png, 'a.png').expect(201);
      await author.send('delete', `/api/attachments/${created.body.id}`).expect(204);
      expect((await author.get(`/api/ideas/${draft.id}/attachments`).expect(200)).body.items).toEqual([]);
      expect(storedFiles(draft.id)).toEqual([]);
    });

    it('refuses signed-out visitors (401) and malformed ids (400 naming the field)', async () => {
      const idea = await makeIdea(ds, { authors: [author.person] });
      await supertest(app.getHttpServer()).get(`/api/ideas/${idea.id}/attachments`).expect(401);
      const bad = await reader.get('/api/attachments/not-a-uuid').expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    });
  });

  describe('anonymity', () => {
    it('never exposes the uploader of an anonymous idea, except to its authors', async () => {
      const draft = await makeIdea(ds, { authors: [author.person], anonymous: true, status: 'emerge' });
      const image = await sharp({ create: { width: 3, height: 3, channels: 3, background: 'red' } })
        .png()
        .toBuffer();
      const created = await upload(author, draft.id, image, 'plan.png').expect(201);
      expect(created.body.uploadedBy).toMatchObject({ id: author.person.id });
      // Published (as intake would), so everyone may read it.
      await ds.query(`UPDATE idea SET status = 'visible', submitted_at = now(), published_at = now() WHERE id = $1`, [
        draft.id,
      ]);

      const markers = identityMarkers(author.person);
      for (const viewer of [reader, network, scopedNetwork, guardian]) {
        const list = await viewer.get(`/api/ideas/${draft.id}/attachments`).expect(200);
        expect(list.body.items).toHaveLength(1);
        expect(list.body.items[0].uploadedBy).toBeNull();
        const text = JSON.stringify(list.body);
        for (const marker of markers) expect(text).not.toContain(marker);
        const download = await viewer.get(`/api/attachments/${created.body.id}`).expect(200);
        for (const marker of markers) expect(JSON.stringify(download.headers)).not.toContain(marker);
      }
      const own = await author.get(`/api/ideas/${draft.id}/attachments`).expect(200);
      expect(own.body.items[0].uploadedBy).toMatchObject({ id: author.person.id });
    });
  });
});
