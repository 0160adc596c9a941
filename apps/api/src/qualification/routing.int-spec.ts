import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource, IsNull } from 'typeorm';
import type { Actor } from '@eclore/domain';
import { DEMO_PASSWORD, demoEmail } from '@eclore/migrations';
import { AuditEvent, OrgUnit, Person, RoleGrant } from '@eclore/server-identity';
import { IdeaAccess, IdeaEvent, Theme } from '@eclore/server-ideas';
import { NetworkAbsence, QualificationAssignment, Scorecard } from '@eclore/server-qualification';
import { signIn, type SignedIn } from '../../../../test/harness/agent';
import { createApiTestContext, type ApiTestContext } from '../../../../test/harness/api-context';

/**
 * Routing ideas in qualification, reassignment, the queues, absences and private notes against the
 * real API and PostgreSQL. Extra network members are granted here: Emily (scoped to the Direction du
 * numérique, so out of scope for health ideas), Kevin (theme mobility) and Aurélie (DS-SOINS).
 */
type Who = 'lucas' | 'emily' | 'nathalie' | 'julien' | 'philippe' | 'martine' | 'kevin' | 'aurelie';
const NAMES: Record<Who, [string, string]> = {
  lucas: ['Lucas', 'Girard'], // employee, DS-SOINS: the authors
  emily: ['Emily', 'Wilson'], // network member scoped to DN (granted here)
  nathalie: ['Nathalie', 'Gagnon'], // network member scoped to DS
  julien: ['Julien', 'Tremblay'], // network member, whole organisation
  philippe: ['Philippe', 'Morel'], // committee member
  martine: ['Martine', 'Favre'], // HR
  kevin: ['Kevin', 'Nguyen'], // network member, theme mobility (granted here)
  aurelie: ['Aurélie', 'Monnier'], // network member scoped to DS-SOINS (granted here)
};

describe('qualification routing, queues and private notes (API)', () => {
  let ctx: ApiTestContext;
  let app: NestExpressApplication;
  let ds: DataSource;
  const as = {} as Record<Who, SignedIn>;
  const unit = new Map<string, string>();
  /** Every response body others than the author received here, to prove an anonymous author never appears. */
  const bodies: string[] = [];
  const record = (who: Who, body: unknown) => {
    if (who !== 'lucas') bodies.push(JSON.stringify(body));
  };

  const draft = (overrides: object = {}) => ({
    kind: 'problem',
    title: 'Les tournées de nuit manquent de véhicules',
    summary: 'Deux véhicules pour six soignants la nuit.',
    bodyHtml: '<p>Les soignants attendent.</p>',
    orgUnitId: unit.get('DS-SOINS'),
    themes: ['mobility'],
    whoSuffers: 'Les soignants de nuit',
    frequency: 'daily',
    ...overrides,
  });

  /** An idea submitted by `author` and accepted on the wall by Julien: ready to enter qualification. */
  async function visible(author: Who, overrides: object = {}): Promise<string> {
    const created = await as[author].send('post', '/api/ideas', draft(overrides)).expect(201);
    const id = created.body.id as string;
    await as[author].send('post', `/api/ideas/${id}/submit`, {}).expect(200);
    await as.julien.send('post', `/api/ideas/${id}/accept`, {}).expect(200);
    return id;
  }

  async function start(who: Who, id: string, status = 200) {
    const res = await as[who].send('post', `/api/ideas/${id}/start-qualification`, {}).expect(status);
    record(who, res.body);
    return res;
  }

  async function get(who: Who, path: string, status = 200) {
    const res = await as[who].agent.get(path).expect(status);
    record(who, res.body);
    return res;
  }

  async function openReviewers(ideaId: string): Promise<string[]> {
    const rows = await ds.getRepository(QualificationAssignment).findBy({ ideaId, endedAt: IsNull() });
    return rows.map((r) => r.personId).sort();
  }

  async function openCounts(): Promise<Map<string, number>> {
    const rows: { person_id: string; n: string }[] = await ds.query(
      'SELECT person_id, count(*) AS n FROM qualification_assignment WHERE ended_at IS NULL GROUP BY person_id',
    );
    return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
  }

  const id = (who: Who) => as[who].personId;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'routing', seed: true });
    ({ app, ds } = ctx);
    for (const u of await ds.getRepository(OrgUnit).find()) unit.set(u.code, u.id);
    await ds.getRepository(Theme).upsert(
      [
        { key: 'mobility', labelFr: 'Mobilité', labelEn: 'Mobility', active: true },
        { key: 'care', labelFr: 'Soins', labelEn: 'Care', active: true },
      ],
      ['key'],
    );
    const person = async (who: Who) =>
      ds.getRepository(Person).findOneByOrFail({ givenName: NAMES[who][0], familyName: NAMES[who][1] });
    await ds.getRepository(RoleGrant).insert([
      {
        personId: (await person('emily')).id,
        role: 'network_member',
        scopeKind: 'org_unit',
        scopeOrgUnitId: unit.get('DN')!,
      },
      { personId: (await person('kevin')).id, role: 'network_member', scopeKind: 'theme', scopeTheme: 'mobility' },
      {
        personId: (await person('aurelie')).id,
        role: 'network_member',
        scopeKind: 'org_unit',
        scopeOrgUnitId: unit.get('DS-SOINS')!,
      },
    ]);
    for (const [who, [givenName, familyName]] of Object.entries(NAMES) as [Who, [string, string]][]) {
      as[who] = await signIn(app, demoEmail({ givenName, familyName }), DEMO_PASSWORD);
    }
  });

  afterAll(async () => {
    await ctx?.close();
  });

  describe('start-qualification and automatic routing', () => {
    it('assigns two reviewers whose scope covers the idea, least loaded first, never its author; events and audit', async () => {
      const ideaId = await visible('lucas');
      const before = await openCounts();
      const res = await start('nathalie', ideaId);
      expect(res.body).toMatchObject({ id: ideaId, status: 'qualify' });

      const chosen = await openReviewers(ideaId);
      expect(chosen).toHaveLength(2);
      // Eligible: Julien (organisation), Nathalie (DS), Kevin (theme), Aurélie (DS-SOINS). Never Emily (DN) nor Lucas.
      const eligible = (['julien', 'nathalie', 'kevin', 'aurelie'] as const).map(id);
      for (const p of chosen) expect(eligible).toContain(p);
      const load = (p: string) => before.get(p) ?? 0;
      for (const other of eligible.filter((p) => !chosen.includes(p))) {
        for (const p of chosen) expect(load(p)).toBeLessThanOrEqual(load(other));
      }
      const rows = await ds.getRepository(QualificationAssignment).findBy({ ideaId });
      expect(rows.every((r) => r.assignedBy === null)).toBe(true);

      const events = await ds.getRepository(IdeaEvent).findBy({ ideaId, type: 'assigned' });
      expect(events.map((e) => e.data['assigneeId']).sort()).toEqual(chosen);
      expect(events.every((e) => e.public === false)).toBe(true);
      const audit = await ds
        .getRepository(AuditEvent)
        .findOneByOrFail({ action: 'qualification.routed', subjectId: ideaId });
      expect(audit.actorId).toBe(id('nathalie'));
    });

    it('routes by scope: an idea of the Direction du numérique goes to the organisation-wide member and the DN member', async () => {
      const ideaId = await visible('lucas', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      await start('julien', ideaId);
      expect(await openReviewers(ideaId)).toEqual([id('julien'), id('emily')].sort());
    });

    it('balances the workload: the next idea goes to whoever carries fewer open assignments', async () => {
      // Emily now carries one more than before; give Julien two more so Emily is the lighter of the two.
      const a = await visible('lucas', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      const b = await visible('lucas', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      await ds.getRepository(QualificationAssignment).insert([
        { ideaId: a, personId: id('julien'), assignedBy: id('julien'), assignedAt: new Date() },
        { ideaId: b, personId: id('julien'), assignedBy: id('julien'), assignedAt: new Date() },
      ]);
      const counts = await openCounts();
      expect(counts.get(id('emily'))!).toBeLessThan(counts.get(id('julien'))!);
      const c = await visible('lucas', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      await start('julien', c);
      // Both eligible members are taken (two reviewers); the audit keeps the order of choice: lightest first.
      const audit = await ds
        .getRepository(AuditEvent)
        .findOneByOrFail({ action: 'qualification.routed', subjectId: c });
      expect(audit.data['reviewerIds']).toEqual([id('emily'), id('julien')]);
    });

    it('never assigns an author: an idea by a network member goes to the others only', async () => {
      const ideaId = await visible('emily', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      await start('julien', ideaId);
      expect(await openReviewers(ideaId)).toEqual([id('julien')]);
    });

    it('gives an absent member’s share to their delegate, and flags an idea nobody can review for the network', async () => {
      // Emily is away without a delegate: a DN idea written by Julien has no eligible reviewer left.
      await as.emily
        .send('post', '/api/me/absences', {
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        })
        .expect(201);
      const ideaId = await visible('julien', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      await start('julien', ideaId);
      expect(await openReviewers(ideaId)).toEqual([]);
      const network = await get('julien', '/api/review-queue/network');
      expect(network.body.unrouted.map((i: { id: string }) => i.id)).toContain(ideaId);
      const one = await get('julien', `/api/ideas/${ideaId}/assignments`);
      expect(one.body).toMatchObject({ unrouted: true, assignments: [] });

      // Emily names Julien her delegate: a second DN idea by Lucas goes to Julien (once), not to Emily.
      const mine = await get('emily', '/api/me/absences');
      await as.emily.send('delete', `/api/me/absences/${mine.body[0].id as string}`).expect(204);
      await as.emily
        .send('post', '/api/me/absences', {
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          delegateId: id('julien'),
        })
        .expect(201);
      const delegated = await visible('lucas', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      await start('julien', delegated);
      expect(await openReviewers(delegated)).toEqual([id('julien')]);
      await ds.getRepository(NetworkAbsence).delete({ personId: id('emily') });
    });

    it('never routes an anonymous idea to its author, never lists them, and refuses them exactly like anyone ineligible', async () => {
      const ideaId = await visible('kevin', { anonymous: true, title: 'Idée anonyme d’un membre du réseau' });
      await start('nathalie', ideaId);
      expect(await openReviewers(ideaId)).not.toContain(id('kevin'));
      const listed = await get('nathalie', `/api/ideas/${ideaId}/assignments`);
      expect(listed.body.candidates.map((c: { id: string }) => c.id)).not.toContain(id('kevin'));
      // The author (in scope) and Emily (out of scope) get the same answer, to the byte but the request.
      const answer = async (who: Who) => {
        const res = await as.nathalie.send('post', `/api/ideas/${ideaId}/assignments`, { personId: id(who) });
        const { instance: _i, requestId: _r, ...rest } = res.body as Record<string, unknown>;
        return { status: res.status, type: res.headers['content-type'] as string, body: rest };
      };
      const refused = await answer('kevin');
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual([
        expect.objectContaining({ field: 'personId', code: 'reviewer_not_eligible' }),
      ]);
      expect(await answer('emily')).toEqual(refused);
      expect(JSON.stringify(refused.body)).not.toMatch(/author/i);
      // Nor may the author read or write its private notes, although a network member in scope.
      expect((await get('kevin', `/api/ideas/${ideaId}/private-notes`, 403)).body.code).toBe('is_author');
      await as.kevin.send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: '<p>x</p>' }).expect(403);
      await as.nathalie.send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: '<p>Vu.</p>' }).expect(201);
      // Mentioning the author is accepted like mentioning any member in scope (a refusal would single
      // them out); they are not told and still cannot read. Someone out of scope is refused, by name only.
      const before = await ds.getRepository(IdeaEvent).count({ where: { ideaId, type: 'private_note_mention' } });
      await as.nathalie
        .send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: `<p>@[K](${id('kevin')})</p>` })
        .expect(201);
      expect(await ds.getRepository(IdeaEvent).count({ where: { ideaId, type: 'private_note_mention' } })).toBe(before);
      await as.nathalie
        .send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: `<p>@[J](${id('julien')})</p>` })
        .expect(201);
      const told = await ds.getRepository(IdeaEvent).find({ where: { ideaId, type: 'private_note_mention' } });
      expect(told.flatMap((e) => e.data['mentionedIds'] as string[])).toEqual([id('julien')]);
      await get('kevin', `/api/ideas/${ideaId}/private-notes`, 403);
      const mention = await as.nathalie
        .send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: `<p>@[L](${id('lucas')})</p>` })
        .expect(400);
      expect(mention.body.errors).toEqual([
        expect.objectContaining({ field: 'bodyHtml', code: 'mention_not_allowed' }),
      ]);
    });

    it('refuses an employee, an out-of-scope member and an idea not visible', async () => {
      const ideaId = await visible('lucas');
      expect((await start('lucas', ideaId, 403)).body.code).toBe('role_required');
      expect((await start('emily', ideaId, 403)).body.code).toBe('out_of_scope');
      expect((await start('philippe', ideaId, 403)).body.code).toBe('role_required');
      await start('nathalie', ideaId);
      expect((await start('nathalie', ideaId, 409)).body.code).toBe('transition_not_allowed');
      expect(await openReviewers(ideaId)).toHaveLength(2);
    });
  });

  describe('reassignment', () => {
    let ideaId: string;
    beforeAll(async () => {
      ideaId = await visible('lucas');
      await start('nathalie', ideaId);
    });

    it('adds, replaces and removes a reviewer on one idea, with events and audit', async () => {
      const current = await openReviewers(ideaId);
      const others = (['julien', 'nathalie', 'kevin', 'aurelie'] as const).map(id).filter((p) => !current.includes(p));
      const [outgoing] = current;
      const [incoming, extra] = others;

      const listed = await get('nathalie', `/api/ideas/${ideaId}/assignments`);
      expect(listed.body.candidates.map((c: { id: string }) => c.id).sort()).toEqual([...others].sort());

      const replaced = await as.nathalie
        .send('post', `/api/ideas/${ideaId}/assignments`, { personId: incoming, replacePersonId: outgoing })
        .expect(200);
      record('nathalie', replaced.body);
      expect(await openReviewers(ideaId)).toEqual([...current.filter((p) => p !== outgoing), incoming].sort());
      const ended = await ds.getRepository(QualificationAssignment).findOneByOrFail({ ideaId, personId: outgoing! });
      expect(ended.endReason).toBe('reassigned');

      await as.nathalie.send('post', `/api/ideas/${ideaId}/assignments`, { personId: extra }).expect(200);
      expect(await openReviewers(ideaId)).toHaveLength(3);
      await as.nathalie.send('delete', `/api/ideas/${ideaId}/assignments/${extra!}`).expect(200);
      expect(await openReviewers(ideaId)).toHaveLength(2);

      const events = await ds
        .getRepository(IdeaEvent)
        .find({ where: { ideaId }, order: { occurredAt: 'ASC', id: 'ASC' } });
      const manual = events.filter((e) => ['assigned', 'unassigned'].includes(e.type) && e.actorId === id('nathalie'));
      expect(manual.map((e) => [e.type, e.data['assigneeId']])).toEqual([
        ['unassigned', outgoing],
        ['assigned', incoming],
        ['assigned', extra],
        ['unassigned', extra],
      ]);
      const audits = await ds.getRepository(AuditEvent).findBy({ subjectId: ideaId, actorId: id('nathalie') });
      expect(audits.map((a) => a.action).sort()).toEqual(
        [
          'qualification.assigned',
          'qualification.reassigned',
          'qualification.routed',
          'qualification.unassigned',
        ].sort(),
      );
    });

    it('answers 400 naming the field for an ineligible reviewer (author, out of scope, absent) or a wrong replacement', async () => {
      const field = async (body: object, expected: string, code: string) => {
        const res = await as.nathalie.send('post', `/api/ideas/${ideaId}/assignments`, body).expect(400);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: expected, code })]));
      };
      await field({ personId: id('lucas') }, 'personId', 'reviewer_not_eligible');
      await field({ personId: id('emily') }, 'personId', 'reviewer_not_eligible');
      const open = await openReviewers(ideaId);
      const candidate = (['julien', 'nathalie', 'kevin', 'aurelie'] as const).map(id).find((p) => !open.includes(p))!;
      await field({ personId: candidate, replacePersonId: id('lucas') }, 'replacePersonId', 'not_assigned');
      await as.nathalie.send('post', `/api/ideas/${ideaId}/assignments`, { personId: 'nope' }).expect(400);
      expect(
        (await as.nathalie.send('post', `/api/ideas/${ideaId}/assignments`, { personId: open[0] }).expect(409)).body
          .code,
      ).toBe('already_assigned');
    });

    it('refuses an employee and an out-of-scope member, for one idea and in bulk', async () => {
      const open = await openReviewers(ideaId);
      expect(
        (await as.lucas.send('post', `/api/ideas/${ideaId}/assignments`, { personId: id('julien') }).expect(403)).body
          .code,
      ).toBe('role_required');
      expect(
        (await as.emily.send('post', `/api/ideas/${ideaId}/assignments`, { personId: id('julien') }).expect(403)).body
          .code,
      ).toBe('out_of_scope');
      await as.emily.send('delete', `/api/ideas/${ideaId}/assignments/${open[0]!}`).expect(403);
      await get('emily', `/api/ideas/${ideaId}/assignments`, 403);
      await get('lucas', '/api/me/review-queue', 403);
      await get('philippe', '/api/review-queue/network', 403);
      const row = await ds
        .getRepository(QualificationAssignment)
        .findOneByOrFail({ ideaId, personId: open[0]!, endedAt: IsNull() });
      const free = (['julien', 'nathalie', 'kevin', 'aurelie'] as const).map(id).find((p) => !open.includes(p));
      const bulk = await as.emily
        .send('post', '/api/assignments/reassign', { fromPersonId: open[0], toPersonId: free, assignmentIds: [row.id] })
        .expect(403);
      expect(bulk.body.code).toBe('out_of_scope');
      await as.lucas.send('post', '/api/assignments/reassign', { fromPersonId: open[0], toPersonId: free }).expect(403);
      expect(await openReviewers(ideaId)).toEqual(open);
    });

    it('moves all or selected open assignments from one member to another, skipping what the new one may not review', async () => {
      // Kevin (theme mobility) takes Aurélie's work: he may review mobility ideas only.
      const mobility = await visible('lucas');
      const care = await visible('lucas', { themes: ['care'] });
      await start('nathalie', mobility);
      await start('nathalie', care);
      const repo = ds.getRepository(QualificationAssignment);
      for (const idea of [mobility, care]) {
        if (!(await repo.existsBy({ ideaId: idea, personId: id('aurelie'), endedAt: IsNull() }))) {
          await as.nathalie.send('post', `/api/ideas/${idea}/assignments`, { personId: id('aurelie') }).expect(200);
        }
        if (await repo.existsBy({ ideaId: idea, personId: id('kevin'), endedAt: IsNull() })) {
          await as.nathalie.send('delete', `/api/ideas/${idea}/assignments/${id('kevin')}`).expect(200);
        }
      }
      const selected = await repo.findOneByOrFail({ ideaId: mobility, personId: id('aurelie'), endedAt: IsNull() });
      const one = await as.nathalie
        .send('post', '/api/assignments/reassign', {
          fromPersonId: id('aurelie'),
          toPersonId: id('kevin'),
          assignmentIds: [selected.id],
        })
        .expect(200);
      expect(one.body).toEqual({ moved: 1, skipped: [] });
      expect(await openReviewers(mobility)).toContain(id('kevin'));
      expect(await openReviewers(mobility)).not.toContain(id('aurelie'));

      const all = await as.nathalie
        .send('post', '/api/assignments/reassign', { fromPersonId: id('aurelie'), toPersonId: id('kevin') })
        .expect(200);
      // The care idea is outside Kevin's theme: skipped and reported; Aurélie keeps it.
      const careRow = await repo.findOneByOrFail({ ideaId: care, personId: id('aurelie'), endedAt: IsNull() });
      expect(all.body.skipped).toEqual(
        expect.arrayContaining([{ assignmentId: careRow.id, ideaId: care, reason: 'reviewer_not_eligible' }]),
      );
      const left = await repo.findBy({ personId: id('aurelie'), endedAt: IsNull() });
      expect(left.every((r) => all.body.skipped.some((s: { assignmentId: string }) => s.assignmentId === r.id))).toBe(
        true,
      );
      const audit = await ds.getRepository(AuditEvent).findBy({ action: 'qualification.bulk_reassigned' });
      expect(audit).toHaveLength(2);

      const bad = await as.nathalie
        .send('post', '/api/assignments/reassign', { fromPersonId: id('kevin'), toPersonId: id('kevin') })
        .expect(400);
      expect(JSON.stringify(bad.body)).toContain('toPersonId');
      await as.nathalie
        .send('post', '/api/assignments/reassign', {
          fromPersonId: id('kevin'),
          toPersonId: id('julien'),
          assignmentIds: [careRow.id],
        })
        .expect(400);
    });
  });

  describe('queues and leaving qualification', () => {
    it('shows each member their queue (to review, overdue, done) and ends assignments when the idea leaves qualification', async () => {
      const ideaId = await visible('lucas', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      await start('julien', ideaId);
      const queue = await get('emily', '/api/me/review-queue');
      const item = queue.body.toReview.find((i: { idea: { id: string } }) => i.idea.id === ideaId);
      expect(item).toMatchObject({ idea: { id: ideaId, status: 'qualify' }, endedAt: null, overdue: false });
      expect(item.dueAt).toEqual(expect.any(String));
      expect(queue.body.counts.toReview).toBe(queue.body.toReview.length);

      // Past the qualification due date: overdue.
      await ds.query(
        `UPDATE idea_event SET occurred_at = now() - interval '400 days' WHERE idea_id = $1 AND type = 'start_qualification'`,
        [ideaId],
      );
      const late = await get('emily', '/api/me/review-queue');
      expect(late.body.overdue.map((i: { idea: { id: string } }) => i.idea.id)).toContain(ideaId);
      expect(late.body.toReview.map((i: { idea: { id: string } }) => i.idea.id)).not.toContain(ideaId);

      // Any command out of qualification ends the open assignments in its own transaction.
      const julien = await ds.getRepository(Person).findOneByOrFail({ id: id('julien') });
      const actor: Actor = {
        personId: julien.id,
        orgUnitId: julien.orgUnitId,
        assignments: [{ role: 'network_member', scope: { kind: 'organisation' } }],
      };
      await app
        .get(IdeaAccess)
        .runCommand(actor, ideaId, { type: 'decline', rationale: 'Déjà couvert par le projet X.' });
      const rows = await ds.getRepository(QualificationAssignment).findBy({ ideaId });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.endedAt !== null && r.endReason === 'idea_left_qualification')).toBe(true);
      const done = await get('emily', '/api/me/review-queue');
      expect(done.body.done.map((i: { idea: { id: string } }) => i.idea.id)).toContain(ideaId);
      expect(done.body.overdue.map((i: { idea: { id: string } }) => i.idea.id)).not.toContain(ideaId);
    });

    it('counts a review as done once its scorecard is submitted during the assignment', async () => {
      const ideaId = await visible('lucas', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      await start('julien', ideaId);
      const ids = (list: { idea: { id: string } }[]) => list.map((i) => i.idea.id);
      expect(ids((await get('emily', '/api/me/review-queue')).body.toReview)).toContain(ideaId);
      const assignment = await ds
        .getRepository(QualificationAssignment)
        .findOneByOrFail({ ideaId, personId: id('emily') });
      // A scorecard from before this assignment (an earlier round) does not count.
      await ds.getRepository(Scorecard).insert({
        ideaId,
        reviewerId: id('emily'),
        status: 'submitted',
        scores: {},
        comment: '',
        submittedAt: new Date(assignment.assignedAt.getTime() - 60_000),
      });
      expect(ids((await get('emily', '/api/me/review-queue')).body.toReview)).toContain(ideaId);
      await ds.getRepository(Scorecard).update({ ideaId, reviewerId: id('emily') }, { submittedAt: new Date() });
      const queue = await get('emily', '/api/me/review-queue');
      expect(ids(queue.body.toReview)).not.toContain(ideaId);
      const done = queue.body.done.find((i: { idea: { id: string } }) => i.idea.id === ideaId);
      expect(done).toMatchObject({ endedAt: null, scorecardSubmittedAt: expect.any(String) });
      expect(queue.body.counts.done).toBe(queue.body.done.length);
    });

    it('ends the assignments of an idea merged away from qualification', async () => {
      const source = await visible('lucas');
      const target = await visible('lucas', { title: 'Un autre titre pour la cible' });
      await start('nathalie', source);
      expect(await openReviewers(source)).toHaveLength(2);
      await as.nathalie
        .send('post', `/api/ideas/${source}/merge`, { targetId: target, reason: 'Même irritant' })
        .expect(200);
      expect(await openReviewers(source)).toEqual([]);
    });

    it('lists the network view within the member’s scope only', async () => {
      const dn = await visible('lucas', { orgUnitId: unit.get('DN-DATA'), themes: ['care'] });
      await start('julien', dn);
      const nathalie = await get('nathalie', '/api/review-queue/network');
      expect(nathalie.body.assignments.map((a: { idea: { id: string } }) => a.idea.id)).not.toContain(dn);
      const julien = await get('julien', `/api/review-queue/network?personId=${id('emily')}`);
      expect(julien.body.assignments.map((a: { idea: { id: string } }) => a.idea.id)).toContain(dn);
      expect(julien.body.assignments.every((a: { reviewer: { id: string } }) => a.reviewer.id === id('emily'))).toBe(
        true,
      );
      expect(julien.body.members.map((m: { id: string }) => m.id)).toEqual(
        expect.arrayContaining([id('emily'), id('kevin')]),
      );
      await get('julien', '/api/review-queue/network?personId=nope', 400);
    });
  });

  describe('absences', () => {
    it('validates the period and the delegate, naming the field', async () => {
      const now = Date.now();
      const bad = await as.kevin
        .send('post', '/api/me/absences', {
          startsAt: new Date(now + 86_400_000).toISOString(),
          endsAt: new Date(now).toISOString(),
        })
        .expect(400);
      expect(JSON.stringify(bad.body)).toContain('endsAt');
      const delegate = await as.kevin
        .send('post', '/api/me/absences', {
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 86_400_000).toISOString(),
          delegateId: id('lucas'),
        })
        .expect(400);
      expect(JSON.stringify(delegate.body)).toContain('delegateId');
      await as.lucas
        .send('post', '/api/me/absences', {
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 1000).toISOString(),
        })
        .expect(403);
      const created = await as.kevin
        .send('post', '/api/me/absences', {
          startsAt: new Date(now + 86_400_000).toISOString(),
          endsAt: new Date(now + 2 * 86_400_000).toISOString(),
          delegateId: id('aurelie'),
        })
        .expect(201);
      expect(created.body).toEqual([
        expect.objectContaining({
          current: false,
          delegate: { id: id('aurelie'), givenName: 'Aurélie', familyName: 'Monnier' },
        }),
      ]);
      await as.aurelie.send('delete', `/api/me/absences/${created.body[0].id as string}`).expect(404);
      await as.kevin.send('delete', `/api/me/absences/${created.body[0].id as string}`).expect(204);
    });
  });

  describe('private notes', () => {
    let ideaId: string;
    beforeAll(async () => {
      ideaId = await visible('lucas', { anonymous: true, title: 'Idée anonyme en qualification' });
      await start('nathalie', ideaId);
    });

    it('lets the network and the committee in scope write and read, with mentions that notify', async () => {
      const note = await as.nathalie
        .send('post', `/api/ideas/${ideaId}/private-notes`, {
          bodyHtml: `<p>À voir avec @[Philippe](${id('philippe')}) <script>alert(1)</script></p>`,
        })
        .expect(201);
      record('nathalie', note.body);
      expect(note.body.bodyHtml).not.toContain('script');
      expect(note.body.bodyHtml).toContain(`data-person-id="${id('philippe')}"`);
      expect(note.body.mentions).toEqual([{ id: id('philippe'), givenName: 'Philippe', familyName: 'Morel' }]);
      const event = await ds.getRepository(IdeaEvent).findOneByOrFail({ ideaId, type: 'private_note_mention' });
      expect(event.data).toEqual({ mentionedIds: [id('philippe')], noteId: note.body.id });
      expect(event.public).toBe(false);

      await as.philippe.send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: '<p>Vu.</p>' }).expect(201);
      const thread = await get('philippe', `/api/ideas/${ideaId}/private-notes`);
      expect(thread.body.items.map((n: { author: { id: string } }) => n.author.id)).toEqual([
        id('nathalie'),
        id('philippe'),
      ]);
      await get('julien', `/api/ideas/${ideaId}/private-notes`);
    });

    it('refuses employees, the author, HR and out-of-scope members, and mentions of people who may not read', async () => {
      for (const who of ['lucas', 'martine'] as const) {
        const res = await get(who, `/api/ideas/${ideaId}/private-notes`, 403);
        expect(res.body.items).toBeUndefined();
        await as[who].send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: '<p>x</p>' }).expect(403);
      }
      expect((await get('emily', `/api/ideas/${ideaId}/private-notes`, 403)).body.code).toBe('out_of_scope');
      await as.emily.send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: '<p>x</p>' }).expect(403);

      for (const who of ['lucas', 'martine', 'emily'] as const) {
        const res = await as.nathalie
          .send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: `<p>@[X](${id(who)})</p>` })
          .expect(400);
        expect(res.body.code).toBe('validation_failed');
        expect(JSON.stringify(res.body)).toContain('bodyHtml');
      }
      await as.nathalie.send('post', `/api/ideas/${ideaId}/private-notes`, { bodyHtml: '<p> </p>' }).expect(400);
      await get('nathalie', '/api/ideas/not-a-uuid/private-notes', 400);
    });

    it('keeps reviewer and private-note events out of the author’s timeline, not the network’s', async () => {
      const types = async (who: Who) =>
        ((await get(who, `/api/ideas/${ideaId}/timeline`)).body.events as { type: string }[]).map((e) => e.type);
      const author = await types('lucas');
      expect(author).toContain('start_qualification');
      for (const t of ['assigned', 'unassigned', 'private_note_mention']) expect(author).not.toContain(t);
      const network = await types('nathalie');
      expect(network).toEqual(expect.arrayContaining(['assigned', 'private_note_mention']));
    });

    it('never shows a private note in the idea, its timeline or the author’s view', async () => {
      for (const who of ['lucas', 'nathalie', 'philippe'] as const) {
        for (const path of [`/api/ideas/${ideaId}`, `/api/ideas/${ideaId}/timeline`]) {
          const res = await get(who, path);
          expect(JSON.stringify(res.body)).not.toContain('À voir avec');
        }
      }
    });
  });

  it('never names an anonymous author in any of these responses', async () => {
    const lucas = await ds.getRepository(Person).findOneByOrFail({ id: id('lucas') });
    // The anonymous idea's queue and assignment views, read by the network.
    const anonymous = await ds.query(`SELECT id FROM idea WHERE title = 'Idée anonyme en qualification'`);
    await get('nathalie', `/api/ideas/${anonymous[0].id as string}/assignments`);
    await get('nathalie', '/api/review-queue/network');
    await get('julien', '/api/me/review-queue');
    const all = bodies.join('\n');
    const seen = bodies.filter(
      (b) => b.includes('Idée anonyme en qualification') || b.includes(anonymous[0].id as string),
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const body of seen) {
      expect(body).not.toContain(lucas.id);
      expect(body).not.toContain('Girard');
      expect(body).not.toContain(lucas.email);
    }
    expect(all.length).toBeGreaterThan(0);
  });
});
