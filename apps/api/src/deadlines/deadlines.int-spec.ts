import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DAY_MS } from '@eclore/domain';
import { AuditEvent, type OrgUnit } from '@eclore/server-identity';
import { Idea, IdeaEvent, type IdeaStatusColumn } from '@eclore/server-ideas';
import { deadlinesOf } from '@eclore/server-qualification';
import { makeIdea, identityMarkers, unitByCode } from '../../../../test/harness';
import {
  createApiTestContext,
  type ApiTestContext,
  signInMany,
  type Member,
} from '../../../../test/harness/api-context';

/**
 * The answer-time guarantee's api on the real application (seeded demo organisation, real
 * PostgreSQL): the admin settings (validation naming the field, audit, the reschedule request in
 * the outbox), an idea's due dates, and the network's late list within each one's scope.
 */
describe('answer-time guarantee API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let author: Member; // Girard (employee, DS-SOINS)
  let scoped: Member; // Gagnon, network member for the Direction de la santé only
  let lead: Member; // Rossier, network lead for the whole organisation
  let admin: Member; // Rochat
  let soins: OrgUnit;
  let finances: OrgUnit;
  const defaults = { firstAnswerDays: 30, qualificationDays: 60, remindBeforeDays: 5 };

  /** An idea in `status`, submitted `daysAgo` days ago (and entered qualification `qualifiedDaysAgo` ago). */
  async function idea(
    status: IdeaStatusColumn,
    unit: OrgUnit,
    daysAgo: number,
    qualifiedDaysAgo?: number,
  ): Promise<Idea> {
    const created = await makeIdea(ds, { authors: [author.person], unit, status, anonymous: true });
    const at = (d: number) => new Date(Date.now() - d * DAY_MS);
    await ds.query('UPDATE idea SET submitted_at = $2 WHERE id = $1', [created.id, at(daysAgo)]);
    if (qualifiedDaysAgo !== undefined) {
      await ds.getRepository(IdeaEvent).insert({
        ideaId: created.id,
        type: 'start_qualification',
        fromStatus: 'visible',
        toStatus: 'qualify',
        actorId: null,
        public: true,
        data: {},
      });
      await ds.query(`UPDATE idea_event SET occurred_at = $2 WHERE idea_id = $1 AND type = 'start_qualification'`, [
        created.id,
        at(qualifiedDaysAgo),
      ]);
    }
    return ds.getRepository(Idea).findOneByOrFail({ id: created.id });
  }

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'deadlinesapi', seed: true });
    ({ ds } = ctx);
    [author, scoped, lead, admin] = await signInMany(ctx, ['Girard', 'Gagnon', 'Rossier', 'Rochat']);
    soins = await unitByCode(ds, 'DS-SOINS');
    finances = await unitByCode(ds, 'DF');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  describe('settings', () => {
    afterEach(async () => {
      await admin.send('put', '/api/admin/answer-time-settings', defaults).expect(200);
    });

    it('starts from the defaults; an admin changes them, audited, and the worker is asked to reschedule', async () => {
      const before = await admin.get('/api/admin/answer-time-settings').expect(200);
      expect(before.body).toMatchObject(defaults);
      const pending = async () =>
        Number(
          (
            (await ds.query(
              `SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'qualification.reschedule_deadlines'`,
            )) as { n: number }[]
          )[0]!.n,
        );
      const outboxBefore = await pending();

      const next = { firstAnswerDays: 20, qualificationDays: 45, remindBeforeDays: 3 };
      const res = await admin.send('put', '/api/admin/answer-time-settings', next).expect(200);
      expect(res.body).toMatchObject(next);
      expect((await admin.get('/api/admin/answer-time-settings').expect(200)).body).toMatchObject(next);
      expect(await pending()).toBe(outboxBefore + 1);
      const audit = await ds.getRepository(AuditEvent).findOneOrFail({
        where: { action: 'answer_time.settings_set', actorId: admin.person.id },
        order: { occurredAt: 'DESC' },
      });
      expect(audit.data).toEqual({ before: defaults, after: next });
    });

    it.each([
      [{ ...defaults, firstAnswerDays: 0 }, 'firstAnswerDays'],
      [{ ...defaults, qualificationDays: 366 }, 'qualificationDays'],
      [{ ...defaults, qualificationDays: 2.5 }, 'qualificationDays'],
      [{ ...defaults, remindBeforeDays: -1 }, 'remindBeforeDays'],
      [{ firstAnswerDays: 30, qualificationDays: 60 }, 'remindBeforeDays'],
      [{ ...defaults, firstAnswerDays: 'thirty' }, 'firstAnswerDays'],
      // The reminder must come before the shorter wait starts.
      [{ firstAnswerDays: 10, qualificationDays: 60, remindBeforeDays: 10 }, 'remindBeforeDays'],
    ])('refuses %j with a problem naming %s, and changes nothing', async (body, field) => {
      const res = await admin.send('put', '/api/admin/answer-time-settings', body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
      expect((await admin.get('/api/admin/answer-time-settings').expect(200)).body).toMatchObject(defaults);
    });

    it('is for admins only', async () => {
      for (const who of [author, scoped, lead]) {
        await who.get('/api/admin/answer-time-settings').expect(403);
        await who.send('put', '/api/admin/answer-time-settings', defaults).expect(403);
      }
    });
  });

  describe('due dates and the late list', () => {
    it('answers the due dates that apply now, late or not', async () => {
      const waiting = await idea('collect', soins, 10);
      const res = await author.get(`/api/ideas/${waiting.id}/deadlines`).expect(200);
      expect(res.body.late).toBe(false);
      expect(res.body.deadlines).toEqual([
        expect.objectContaining({
          kind: 'first_answer',
          dueAt: new Date(waiting.submittedAt!.getTime() + 30 * DAY_MS).toISOString(),
          late: false,
        }),
      ]);

      const qualifying = await idea('qualify', soins, 40, 5);
      const q = await scoped.get(`/api/ideas/${qualifying.id}/deadlines`).expect(200);
      expect(q.body.late).toBe(true);
      expect(q.body.deadlines.map((d: { kind: string; late: boolean }) => [d.kind, d.late])).toEqual([
        ['first_answer', true],
        ['qualification', false],
      ]);

      const answered = await idea('decide', soins, 40);
      // Contract C3, as the other contexts read it: every requested id answered.
      const c3 = await deadlinesOf(ds.manager, [waiting.id, qualifying.id, answered.id]);
      expect(c3.get(waiting.id)).toEqual({
        firstAnswerDueAt: new Date(waiting.submittedAt!.getTime() + 30 * DAY_MS),
        qualificationDueAt: null,
        late: false,
      });
      expect(c3.get(qualifying.id)).toMatchObject({ late: true, qualificationDueAt: expect.any(Date) });
      expect(c3.get(answered.id)).toEqual({ firstAnswerDueAt: null, qualificationDueAt: null, late: false });
      expect((await author.get(`/api/ideas/${answered.id}/deadlines`).expect(200)).body).toEqual({
        deadlines: [],
        late: false,
      });
    });

    it('lists late ideas within the member’s scope, most overdue first, naming no author', async () => {
      const lateHere = await idea('visible', soins, 45);
      const mostLate = await idea('qualify', soins, 20, 80);
      const onTime = await idea('collect', soins, 3);
      const lateElsewhere = await idea('collect', finances, 50);

      const mine = await scoped.get('/api/deadlines/late').expect(200);
      const ids = (mine.body.items as { ideaId: string }[]).map((i) => i.ideaId);
      expect(ids).toEqual(expect.arrayContaining([lateHere.id, mostLate.id]));
      expect(ids.indexOf(mostLate.id)).toBeLessThan(ids.indexOf(lateHere.id));
      expect(ids).not.toContain(onTime.id);
      expect(ids).not.toContain(lateElsewhere.id);
      const item = (mine.body.items as { ideaId: string; overdue: { kind: string; daysLate: number }[] }[]).find(
        (i) => i.ideaId === mostLate.id,
      )!;
      expect(item.overdue).toEqual([expect.objectContaining({ kind: 'qualification', daysLate: 20 })]);
      for (const marker of identityMarkers(author.person)) expect(JSON.stringify(mine.body)).not.toContain(marker);

      const all = await lead.get('/api/deadlines/late').expect(200);
      expect((all.body.items as { ideaId: string }[]).map((i) => i.ideaId)).toEqual(
        expect.arrayContaining([lateHere.id, mostLate.id, lateElsewhere.id]),
      );

      await author.get('/api/deadlines/late').expect(403);
      await admin.get('/api/deadlines/late').expect(403);
    });
  });
});
