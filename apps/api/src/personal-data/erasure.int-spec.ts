import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LocalDiskStorage } from '@eclore/server-platform';
import {
  ANONYMOUS_PLACEHOLDER_ID,
  ErasureService,
  FORMER_STAFF_FAMILY_NAME,
  FORMER_STAFF_GIVEN_NAME,
  Person,
  PersonalDataExportBuilder,
} from '@eclore/server-identity';
import { makePerson, type TestPerson, makeIdea } from '../../../../test/harness';
import { signIn, type SignedIn } from '../../../../test/harness/agent';
import { type Member, createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';
import { leaveTraces } from './fixtures';

/**
 * Erasing a person over real HTTP: identity gone, sign-in impossible, sessions ended, contributions
 * kept under "former staff member", anonymous authorship detached, audited once, idempotent; and the
 * retention policy's erasure after deactivation.
 */
describe('person erasure', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  let storageDir: string;
  let storage: LocalDiskStorage;
  let admin: Member; // Rochat
  let reader: Member; // Wilson

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'eclore-pderase-'));
    ctx = await createApiTestContext({
      label: 'pderase',
      seed: true,
      env: { STORAGE_DRIVER: 'local', STORAGE_DIR: storageDir },
    });
    ({ app, ds } = ctx);
    storage = new LocalDiskStorage(storageDir);
    admin = await ctx.signInDemo('Rochat');
    reader = await ctx.signInDemo('Wilson');
  });

  afterAll(async () => {
    await ctx?.close();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  const fullName = (p: Person) => `${p.givenName} ${p.familyName}`;
  const erase = (personId: string, confirmName: string, who: Member = admin) =>
    who.send('post', `/api/admin/people/${personId}/erase`, { confirmName });

  describe('an admin erases a person who did everything', () => {
    let leaver: TestPerson;
    let session: SignedIn;
    let named: string;
    let anonymous: string;
    let mergedTarget: string;
    let exportKey: string;

    beforeAll(async () => {
      leaver = await makePerson(ds, { roles: [{ role: 'network_member' }] });
      session = await signIn(app, leaver.email, leaver.password ?? '');
      named = (await makeIdea(ds, { authors: [leaver.person], title: 'Named idea of the leaver' })).id;
      anonymous = (await makeIdea(ds, { authors: [leaver.person], anonymous: true })).id;
      // An anonymous idea merged into Wilson's: the leaver is credited there with the hidden flag.
      mergedTarget = (await makeIdea(ds, { authors: [reader.person] })).id;
      await ds.query(
        `INSERT INTO idea_author (idea_id, person_id, role, status, invited_at, responded_at, anonymous)
         VALUES ($1, $2, 'co_author', 'accepted', now(), now(), true)`,
        [mergedTarget, leaver.person.id],
      );
      await leaveTraces(ds, storage, leaver.person.id, named, anonymous, 'leaver');
      await ds.query(
        `INSERT INTO idea_comment (idea_id, author_id, body_html) VALUES ($1, $2, '<p>on my anonymous idea</p>')`,
        [anonymous, leaver.person.id],
      );
      await ds.query(
        `INSERT INTO external_identity (issuer, subject, person_id) VALUES ('https://idp.test', 'sub-leaver', $1)`,
        [leaver.person.id],
      );
      // A built export whose archive must disappear with the person.
      const requested = await session.agent
        .post('/api/me/data-exports')
        .set('X-CSRF-Token', session.csrfToken)
        .expect(202);
      await new PersonalDataExportBuilder(ds, storage).run(requested.body.id as string);
      exportKey = `personal-data-exports/${requested.body.id as string}.tar.gz`;
      expect(await storage.size(exportKey)).not.toBeNull();
    });

    it("refuses a confirmation that is not the person's name, naming the field, and changes nothing", async () => {
      const res = await erase(leaver.person.id, 'Someone Else').expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'confirmName', code: 'nameMismatch' })]);
      expect((await ds.getRepository(Person).findOneByOrFail({ id: leaver.person.id })).erasedAt).toBeNull();
    });

    it('removes the identity, ends the sessions and makes sign-in impossible', async () => {
      const res = await erase(leaver.person.id, `  ${fullName(leaver.person).toUpperCase()} `).expect(200);
      expect(res.body).toMatchObject({ personId: leaver.person.id, erased: true });

      const row = await ds.getRepository(Person).findOneByOrFail({ id: leaver.person.id });
      expect(row).toMatchObject({
        givenName: FORMER_STAFF_GIVEN_NAME,
        familyName: FORMER_STAFF_FAMILY_NAME,
        email: `erased-${leaver.person.id}@erased.invalid`,
        employeeNumber: `erased-${leaver.person.id}`,
        orgUnitId: null,
        active: false,
      });
      expect(row.erasedAt).toBeInstanceOf(Date);
      const count = async (sql: string) => Number(((await ds.query(sql, [leaver.person.id])) as { n: string }[])[0]?.n);
      expect(await count('SELECT count(*) AS n FROM local_credential WHERE person_id = $1')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM external_identity WHERE person_id = $1')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM user_session WHERE person_id = $1')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM role_grant WHERE person_id = $1 AND revoked_at IS NULL')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM notification WHERE recipient_id = $1')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM notification_preference WHERE person_id = $1')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM idea_follow WHERE person_id = $1')).toBe(0);
      expect(await count('SELECT count(*) AS n FROM personal_data_export WHERE person_id = $1')).toBe(0);
      expect(await storage.size(exportKey)).toBeNull();

      await session.agent.get('/api/session').expect(204);
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: leaver.email, password: leaver.password })
        .expect(401);
    });

    it('keeps their named ideas and comments under "former staff member"', async () => {
      const idea = await reader.get(`/api/ideas/${named}`).expect(200);
      const text = JSON.stringify(idea.body);
      expect(text).toContain(FORMER_STAFF_GIVEN_NAME);
      expect(text).not.toContain(leaver.person.familyName);
      const comments = (await ds.query('SELECT author_id FROM idea_comment WHERE idea_id = $1', [named])) as {
        author_id: string;
      }[];
      expect(comments.map((c) => c.author_id)).toEqual([leaver.person.id]);
    });

    it('detaches every anonymous authorship link, so no anonymous idea can be tied back', async () => {
      const [idea] = (await ds.query('SELECT author_id FROM idea WHERE id = $1', [anonymous])) as {
        author_id: string;
      }[];
      expect(idea?.author_id).not.toBe(leaver.person.id);
      const traces = (await ds.query(
        `SELECT 'author' AS k FROM idea_author WHERE person_id = $1 AND idea_id = ANY($2)
         UNION ALL SELECT 'comment' FROM idea_comment WHERE author_id = $1 AND idea_id = $3
         UNION ALL SELECT 'attachment' FROM idea_attachment WHERE uploaded_by = $1 AND idea_id = $3`,
        [leaver.person.id, [anonymous, mergedTarget], anonymous],
      )) as { k: string }[];
      expect(traces).toEqual([]);
      // Both now point at the one shared placeholder: no person row was created for this erasure
      // (its time or count would point at the erased person's anonymous ideas).
      const holders = (await ds.query(
        `SELECT DISTINCT a.person_id, p.created_at FROM idea_author a JOIN person p ON p.id = a.person_id
          WHERE a.idea_id = ANY($1) AND a.person_id <> $2`,
        [[anonymous, mergedTarget], reader.person.id],
      )) as { person_id: string; created_at: Date }[];
      expect(holders).toEqual([{ person_id: ANONYMOUS_PLACEHOLDER_ID, created_at: new Date(0) }]);
    });

    it('is audited once and idempotent', async () => {
      const again = await erase(leaver.person.id, 'anything').expect(200);
      expect(again.body).toMatchObject({ personId: leaver.person.id, erased: false });
      const audit = (await ds.query(
        `SELECT actor_id, data FROM audit_event WHERE action = 'person.erased' AND subject_id = $1`,
        [leaver.person.id],
      )) as { actor_id: string; data: Record<string, unknown> }[];
      expect(audit).toEqual([{ actor_id: admin.person.id, data: { reason: 'admin', rows: expect.any(Object) } }]);
      expect(JSON.stringify(audit)).not.toContain(leaver.email);
    });
  });

  it('is refused on oneself and to anyone but an admin', async () => {
    const self = await erase(admin.person.id, fullName(admin.person)).expect(403);
    expect(self.body.code).toBe('not_on_yourself');
    const target = await makePerson(ds);
    const other = await erase(target.person.id, fullName(target.person), reader).expect(403);
    expect(other.body.code).toBe('role_required');
    await erase('00000000-0000-4000-8000-000000000000', 'x').expect(404);
  });

  it('erases two co-authors of one anonymous idea without a clash on the shared placeholder', async () => {
    const first = await makePerson(ds);
    const second = await makePerson(ds);
    const idea = await makeIdea(ds, { authors: [first.person], anonymous: true });
    await ds.query(
      `INSERT INTO idea_author (idea_id, person_id, role, status, invited_at, responded_at)
       VALUES ($1, $2, 'co_author', 'accepted', now(), now())`,
      [idea.id, second.person.id],
    );
    const service = new ErasureService(ds, storage);
    await service.erase(first.person.id, { actorId: admin.person.id, reason: 'admin' });
    await service.erase(second.person.id, { actorId: admin.person.id, reason: 'admin' });
    const authors = (await ds.query('SELECT person_id, role FROM idea_author WHERE idea_id = $1', [idea.id])) as {
      person_id: string;
      role: string;
    }[];
    expect(authors).toEqual([{ person_id: ANONYMOUS_PLACEHOLDER_ID, role: 'author' }]);
    expect((await ds.query('SELECT author_id FROM idea WHERE id = $1', [idea.id])) as unknown[]).toEqual([
      { author_id: ANONYMOUS_PLACEHOLDER_ID },
    ]);
  });

  it('erases, under the retention policy, only people deactivated longer than the period', async () => {
    const old = await makePerson(ds, { active: false });
    const recent = await makePerson(ds, { active: false });
    await ds.query(`UPDATE person SET deactivated_at = now() - interval '40 days' WHERE id = $1`, [old.person.id]);
    await ds.query(`UPDATE person SET deactivated_at = now() - interval '10 days' WHERE id = $1`, [recent.person.id]);
    const service = new ErasureService(ds, storage);
    await service.eraseDeactivatedBefore(30);
    const rows = await ds.getRepository(Person).findBy([{ id: old.person.id }, { id: recent.person.id }]);
    const byId = new Map(rows.map((p) => [p.id, p]));
    expect(byId.get(old.person.id)?.erasedAt).toBeInstanceOf(Date);
    expect(byId.get(recent.person.id)?.erasedAt).toBeNull();
    const audit = (await ds.query(
      `SELECT actor_id, data->>'reason' AS reason FROM audit_event WHERE action = 'person.erased' AND subject_id = $1`,
      [old.person.id],
    )) as { actor_id: string | null; reason: string }[];
    expect(audit).toEqual([{ actor_id: null, reason: 'retention' }]);
  });
});
