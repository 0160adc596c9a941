import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { describeEvent, NotificationDispatcher } from '@eclore/server-notifications';
import type { OrgUnit } from '@eclore/server-identity';
import { appendIdeaEvents, type NewIdeaEvent } from '@eclore/server-ideas';
import { LedgerRecorder, RecognitionDueOpener, RecognitionRepository } from '@eclore/server-recognition';
import { expectProblem, makeIdea, makePerson, makeUnit, type TestPerson } from '../../../../test/harness';
import { createApiTestContext, type ApiTestContext, type Member } from '../../../../test/harness/api-context';
import { pdfFonts, pdfText } from '../../../../test/pdf-text';

/**
 * The recognition workflow over real HTTP on real PostgreSQL (docs/recognition.md §3): milestone
 * events open due items once (the worker's job path: the ledger then the opener, run here in
 * process; the BullMQ path is in apps/worker's recognition.handlers.int-spec.ts), recognisers list,
 * record and dismiss within their scope, the person is told, declines public recognition, and the
 * certificate prints their name in the Unicode font. Refusals are problem+json naming the field.
 */
jest.setTimeout(120_000);

interface ItemBody {
  id: string;
  idea: { id: string; title: string };
  milestone: string;
  person: { id: string; givenName: string; familyName: string } | null;
  anonymousAuthor: boolean;
  status: string;
  isPublic: boolean;
  publicDeclined: boolean;
}

describe('recognition workflow API', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let root: OrgUnit;
  let unitA: OrgUnit;
  let unitB: OrgUnit;
  let hr: Member;
  let leadA: Member;
  let leadB: Member;
  let employee: Member;
  let lukasz: Member;
  let zoe: Member;
  let zoePerson: TestPerson;
  let namedIdea: { id: string; title: string };
  let secretIdea: { id: string; title: string };
  let opener: RecognitionDueOpener;

  /** Appends events and runs the worker's job for each (the ledger, then the due items). */
  const happen = async (events: NewIdeaEvent[]): Promise<string[]> => {
    // In id order, not the text's: '100' sorts before '99' (events ran out of order past a digit).
    const before: { max: string | null }[] = await ds.query('SELECT max(id)::text AS max FROM idea_event');
    await ds.transaction((m) => appendIdeaEvents(m, events));
    const ids = (
      (await ds.query('SELECT id::text AS id FROM idea_event WHERE id > $1 ORDER BY idea_event.id', [
        before[0]!.max ?? '0',
      ])) as {
        id: string;
      }[]
    ).map((r) => r.id);
    for (const id of ids) {
      await ctx.app.get(LedgerRecorder).record([id]);
      await opener.open([id]);
    }
    return ids;
  };
  const ev = (ideaId: string, type: string, extra: Partial<NewIdeaEvent> = {}): NewIdeaEvent => ({
    ideaId,
    type,
    actorId: null,
    public: false,
    data: {},
    ...extra,
  });
  const list = async (who: Member, query = '') =>
    (await who.get(`/api/recognitions${query}`).expect(200)).body as { items: ItemBody[]; nextCursor: string | null };
  const itemOf = async (ideaId: string, personId: string | null) => {
    const all = (await list(hr, '?limit=100')).items;
    return all.find(
      (i) => i.idea.id === ideaId && (personId === null ? i.anonymousAuthor : i.person?.id === personId),
    )!;
  };

  beforeAll(async () => {
    ctx = await createApiTestContext({
      label: 'recognition_workflow',
      env: { ORGANISATION_NAME: 'Commune d’Ærøskøbing' },
    });
    ({ ds } = ctx);
    opener = new RecognitionDueOpener(new RecognitionRepository(ds));
    root = await makeUnit(ds, { name: 'Métropole de Łódź' });
    unitA = await makeUnit(ds, { parent: root });
    unitB = await makeUnit(ds, { parent: root });
    const lukaszPerson = await makePerson(ds, { unit: unitA, givenName: 'Łukasz', familyName: 'Nguyễn', locale: 'en' });
    zoePerson = await makePerson(ds, { unit: unitA, givenName: 'Zoë', familyName: 'Ørsted', locale: 'fr' });
    [hr, leadA, leadB, employee, lukasz, zoe] = await Promise.all([
      ctx.signInAs(await makePerson(ds, { unit: root, roles: ['hr'] })),
      ctx.signInAs(await makePerson(ds, { unit: unitA, roles: [{ role: 'network_lead', unit: unitA }] })),
      ctx.signInAs(await makePerson(ds, { unit: unitB, roles: [{ role: 'network_lead', unit: unitB }] })),
      ctx.signInAs(await makePerson(ds, { unit: unitA })),
      ctx.signInAs(lukaszPerson),
      ctx.signInAs(zoePerson),
    ]);
    namedIdea = await makeIdea(ds, {
      authors: [lukaszPerson.person],
      unit: unitA,
      status: 'visible',
      title: 'Réduire l’attente au guichet',
    });
    secretIdea = await makeIdea(ds, {
      authors: [zoePerson.person],
      unit: unitA,
      status: 'visible',
      anonymous: true,
      title: 'Un carnet partagé de nuit',
    });
    await happen([
      ev(namedIdea.id, 'submit', { fromStatus: 'emerge', toStatus: 'submitted', actorId: lukaszPerson.person.id }),
      ev(secretIdea.id, 'submit', { fromStatus: 'emerge', toStatus: 'submitted' }),
    ]);
  });

  afterAll(() => ctx?.close());

  it('opens one due item per author when an idea is accepted, and a replayed event opens nothing more', async () => {
    const ids = await happen([
      ev(namedIdea.id, 'accept', { fromStatus: 'collect', toStatus: 'visible', actorId: leadA.personId }),
      ev(secretIdea.id, 'accept', { fromStatus: 'collect', toStatus: 'visible', actorId: leadA.personId }),
    ]);
    const count = async () => ((await ds.query(`SELECT count(*)::int AS n FROM recognition`)) as { n: number }[])[0]!.n;
    expect(await count()).toBe(2);
    // The worker's job run again for the same events (a retry, a replay): nothing twice.
    for (const id of ids) expect(await opener.open([id])).toEqual({ opened: 0 });
    expect(await count()).toBe(2);

    const page = await list(hr, '?status=due');
    const named = page.items.find((i) => i.idea.id === namedIdea.id)!;
    expect(named).toMatchObject({
      milestone: 'idea_accepted',
      status: 'due',
      anonymousAuthor: false,
      person: { id: lukasz.personId, givenName: 'Łukasz', familyName: 'Nguyễn' },
    });
    // The anonymous author is "an anonymous author": no id, no name anywhere in the answer.
    const secret = page.items.find((i) => i.idea.id === secretIdea.id)!;
    expect(secret).toMatchObject({ milestone: 'idea_accepted', anonymousAuthor: true, person: null });
    const text = JSON.stringify(page);
    for (const marker of [zoe.personId, 'Ørsted', zoePerson.person.email]) expect(text).not.toContain(marker);
  });

  it('lists by status with cursor paging, within the recogniser’s scope', async () => {
    const first = await list(hr, '?status=due&limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(hr, `?status=due&limit=1&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect((await list(leadA, '?status=due')).items).toHaveLength(2);
    // The lead of another unit sees none of unit A's ideas.
    expect((await list(leadB, '?status=due')).items).toHaveLength(0);
    expectProblem(await hr.get('/api/recognitions?status=granted'), 400, 'validation_failed', 'status');
    expectProblem(await hr.get('/api/recognitions?cursor=***'), 400, 'validation_failed', 'cursor');
    expectProblem(await employee.get('/api/recognitions'), 403, 'role_required');
  });

  it('refuses bad records naming the field, out-of-scope and non-recognisers with 403, then records once', async () => {
    const named = await itemOf(namedIdea.id, lukasz.personId);
    const path = `/api/recognitions/${named.id}/record`;
    const good = { form: 'public_celebration', message: 'Merci Łukasz pour cette idée !', isPublic: true };
    expectProblem(await hr.send('post', path, { ...good, message: '' }), 400, 'validation_failed', 'message');
    expectProblem(
      await hr.send('post', path, { ...good, message: 'x'.repeat(4001) }),
      400,
      'validation_failed',
      'message',
    );
    expectProblem(await hr.send('post', path, { ...good, form: 'medal' }), 400, 'validation_failed', 'form');
    expectProblem(await hr.send('post', path, { ...good, isPublic: 'yes' }), 400, 'validation_failed', 'isPublic');
    // Career evidence is for the person and HR only: never public.
    expectProblem(
      await hr.send('post', path, { ...good, form: 'career_evidence' }),
      400,
      'validation_failed',
      'isPublic',
    );
    expectProblem(await leadB.send('post', path, good), 403, 'out_of_scope');
    expectProblem(await employee.send('post', path, good), 403, 'role_required');
    expectProblem(await lukasz.send('post', path, good), 403, 'role_required');
    expectProblem(await hr.send('post', '/api/recognitions/not-a-uuid/record', good), 400, 'validation_failed', 'id');
    expectProblem(
      await hr.send('post', '/api/recognitions/00000000-0000-4000-8000-000000000000/record', good),
      404,
      'recognition_not_found',
    );

    const recorded = (await leadA.send('post', path, good).expect(200)).body as ItemBody;
    expect(recorded).toMatchObject({ status: 'recorded', form: 'public_celebration', isPublic: true });
    expectProblem(await hr.send('post', path, good), 409, 'recognition_not_due');
    expectProblem(
      await hr.send('post', `/api/recognitions/${named.id}/dismiss`, { reason: 'Déjà fait' }),
      409,
      'recognition_not_due',
    );
    const audit: { action: string; data: Record<string, unknown> }[] = await ds.query(
      `SELECT action, data FROM audit_event WHERE subject_type = 'recognition' AND subject_id = $1`,
      [named.id],
    );
    expect(audit).toEqual([
      { action: 'recognition.recorded', data: expect.objectContaining({ form: 'public_celebration', isPublic: true }) },
    ]);
  });

  it('tells the person alone, in-app and by e-mail, through the recognition_recorded event', async () => {
    const named = await itemOf(namedIdea.id, lukasz.personId);
    const [event] = (await ds.query(
      `SELECT id::text AS id, actor_id, public, data FROM idea_event WHERE type = 'recognition_recorded' AND data->>'recognitionId' = $1`,
      [named.id],
    )) as { id: string; actor_id: string; public: boolean; data: Record<string, unknown> }[];
    expect(event).toMatchObject({ actor_id: leadA.personId, public: false });
    const outbox: { name: string }[] = await ds.query(
      `SELECT job_name AS name FROM outbox_message WHERE payload->>'ideaEventId' = $1`,
      [event!.id],
    );
    expect(outbox.map((o) => o.name)).toContain('notifications.dispatch');
    const dispatched = await new NotificationDispatcher(ds, {
      emailEnabled: true,
      publicUrl: 'http://127.0.0.1:3000',
    }).dispatch(event!.id);
    expect(dispatched).toEqual({ notified: 1, emails: 1 });
    const told: { recipient_id: string }[] = await ds.query(
      `SELECT recipient_id FROM notification WHERE event_id = $1`,
      [event!.id],
    );
    expect(told).toEqual([{ recipient_id: lukasz.personId }]);
    const centre = (await lukasz.get('/api/notifications').expect(200)).body as unknown;
    expect(JSON.stringify(centre)).toContain('recognition_recorded');
    expect(JSON.stringify(centre)).toContain('/profile#recognitions');
    // Not on the idea's history: it is the person's, not the idea's.
    const timeline = (await lukasz.get(`/api/ideas/${namedIdea.id}/timeline`).expect(200)).body as unknown;
    expect(JSON.stringify(timeline)).not.toContain('recognition_recorded');
    const said = (locale: 'fr' | 'en') =>
      describeEvent(locale, {
        type: 'recognition_recorded',
        actor: { kind: 'person', name: 'Anne Roux' },
        ideaTitle: namedIdea.title,
        detail: null,
      });
    expect(said('fr')).toBe(
      `Anne Roux vous adresse une reconnaissance pour votre contribution à « ${namedIdea.title} »`,
    );
    expect(said('en')).toBe(`Anne Roux recognises your contribution to “${namedIdea.title}”`);
  });

  it('keeps an anonymous author’s recognition private, names them to no one, and gives the certificate to them alone', async () => {
    const secret = await itemOf(secretIdea.id, null);
    const path = `/api/recognitions/${secret.id}/record`;
    expectProblem(
      await hr.send('post', path, { form: 'thanks_letter', message: 'Merci !', isPublic: true }),
      400,
      'validation_failed',
      'isPublic',
    );
    const recorded = (
      await hr
        .send('post', path, { form: 'thanks_letter', message: 'Merci pour le carnet.', isPublic: false })
        .expect(200)
    ).body as ItemBody;
    expect(recorded).toMatchObject({ status: 'recorded', person: null, anonymousAuthor: true, isPublic: false });
    expect(JSON.stringify(recorded)).not.toContain(zoe.personId);
    // The recogniser may not print a certificate that would name them.
    expectProblem(await hr.get(`/api/recognitions/${secret.id}/certificate.pdf`), 403, 'not_the_person');
    const mine = (await zoe.get('/api/me/recognitions').expect(200)).body as {
      id: string;
      anonymous: boolean;
      isPublic: boolean;
    }[];
    expect(mine).toEqual([expect.objectContaining({ id: secret.id, anonymous: true, isPublic: false })]);
    const pdf = await zoe.get(`/api/recognitions/${secret.id}/certificate.pdf`).responseType('blob').expect(200);
    const text = await pdfText(pdf.body as Buffer);
    // French, her language: her name in the Unicode font, the organisation, the idea.
    for (const line of [
      'Certificat de reconnaissance',
      'Zoë Ørsted',
      'Commune d’Ærøskøbing',
      'Métropole de Łódź',
      `« ${secretIdea.title} »`,
      'Lettre de remerciement',
    ])
      expect(text).toContain(line);
  });

  it('lets only the person decline public recognition; it stays, private', async () => {
    const named = await itemOf(namedIdea.id, lukasz.personId);
    const path = `/api/recognitions/${named.id}/decline-public`;
    expectProblem(await hr.send('post', path), 403, 'not_the_person');
    expectProblem(await employee.send('post', path), 403, 'not_the_person');
    // Public on the idea's page until declined; the anonymous author's (private) never is.
    const shown = async (ideaId: string) =>
      (await employee.get(`/api/ideas/${ideaId}/recognitions`).expect(200)).body as { id: string; person: unknown }[];
    expect(await shown(namedIdea.id)).toEqual([
      expect.objectContaining({
        id: named.id,
        person: { id: lukasz.personId, givenName: 'Łukasz', familyName: 'Nguyễn' },
        form: 'public_celebration',
      }),
    ]);
    expect(await shown(secretIdea.id)).toEqual([]);
    expectProblem(
      await employee.get('/api/ideas/00000000-0000-4000-8000-000000000000/recognitions'),
      404,
      'idea_not_found',
    );
    const declined = (await lukasz.send('post', path).expect(200)).body as {
      isPublic: boolean;
      publicDeclined: boolean;
    };
    expect(declined).toMatchObject({ isPublic: false, publicDeclined: true });
    expectProblem(await lukasz.send('post', path), 409, 'recognition_not_public');
    expect((await itemOf(namedIdea.id, lukasz.personId)).isPublic).toBe(false);
    expect(await shown(namedIdea.id)).toEqual([]);
    const mine = (await lukasz.get('/api/me/recognitions').expect(200)).body as { id: string }[];
    expect(mine.map((m) => m.id)).toEqual([named.id]);
    // Nobody else's list holds it.
    expect((await employee.get('/api/me/recognitions').expect(200)).body).toEqual([]);
  });

  it('prints the certificate in the person’s language for them and recognisers in scope, for a recorded recognition only', async () => {
    const named = await itemOf(namedIdea.id, lukasz.personId);
    const path = `/api/recognitions/${named.id}/certificate.pdf`;
    const res = await lukasz.get(path).responseType('blob').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('recognition-certificate');
    const pdf = res.body as Buffer;
    const text = await pdfText(pdf);
    for (const line of [
      'Certificate of recognition',
      'Łukasz Nguyễn',
      'Commune d’Ærøskøbing',
      'Métropole de Łódź',
      `“${namedIdea.title}”`,
      'Public celebration',
      'Merci Łukasz pour cette idée !',
    ])
      expect(text).toContain(line);
    expect(text).not.toContain('Certificat de reconnaissance');
    const fonts = pdfFonts(pdf);
    expect(fonts.embeddedTrueType).toBeGreaterThan(0);
    expect(fonts.baseFonts.some((f) => /Helvetica/.test(f))).toBe(false);
    // The recognisers in scope read it too (same language: the person's).
    expect(await pdfText((await leadA.get(path).responseType('blob').expect(200)).body as Buffer)).toContain(
      'Łukasz Nguyễn',
    );
    await hr.get(path).expect(200);
    expectProblem(await leadB.get(path), 403, 'out_of_scope');
    expectProblem(await employee.get(path), 403, 'role_required');

    // A dismissed item has no certificate.
    await happen([
      ev(namedIdea.id, 'complete_implementation', {
        fromStatus: 'implement',
        toStatus: 'follow_up',
        actorId: employee.personId,
      }),
    ]);
    const owner = (await list(hr, '?status=due')).items.find(
      (i) => i.milestone === 'implemented' && i.person?.id === employee.personId,
    )!;
    expect(owner).toBeDefined();
    expectProblem(
      await hr.send('post', `/api/recognitions/${owner.id}/dismiss`, { reason: ' ' }),
      400,
      'validation_failed',
      'reason',
    );
    expectProblem(
      await hr.send('post', `/api/recognitions/${owner.id}/dismiss`, { reason: 'x'.repeat(1001) }),
      400,
      'validation_failed',
      'reason',
    );
    expectProblem(await hr.get(`/api/recognitions/${owner.id}/certificate.pdf`), 409, 'recognition_not_recorded');
    const dismissed = (
      await hr.send('post', `/api/recognitions/${owner.id}/dismiss`, { reason: 'Remercié en personne' }).expect(200)
    ).body;
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissReason: 'Remercié en personne' });
    expectProblem(await hr.get(`/api/recognitions/${owner.id}/certificate.pdf`), 409, 'recognition_not_recorded');
  });

  it('opens impact validated once per idea, and replicated once per adopting unit', async () => {
    const idea = await makeIdea(ds, { authors: [zoePerson.person], unit: unitA, status: 'follow_up' });
    await happen([ev(idea.id, 'submit', { fromStatus: 'emerge', toStatus: 'submitted' })]);
    const [a, b] = ['3f2c1a9e-8b7d-4c6e-9f01-23456789abcd', '4f2c1a9e-8b7d-4c6e-9f01-23456789abcd'];
    const ids = await happen([
      ev(idea.id, 'impact.measurement_validated', { actorId: leadA.personId, data: { measurementId: '1' } }),
      ev(idea.id, 'impact.measurement_validated', { actorId: leadA.personId, data: { measurementId: '2' } }),
      ev(idea.id, 'replication_adopted', { actorId: leadA.personId, data: { replicationId: a } }),
      ev(idea.id, 'replication_adopted', { actorId: leadA.personId, data: { replicationId: b } }),
      ev(idea.id, 'replication_adopted', { actorId: leadA.personId, data: { replicationId: a } }),
    ]);
    const rowsNow = async () =>
      (await ds.query(
        'SELECT milestone, occurrence, person_id, anonymous FROM recognition WHERE idea_id = $1 ORDER BY milestone, occurrence, person_id',
        [idea.id],
      )) as { milestone: string; occurrence: string; person_id: string; anonymous: boolean }[];
    // Impact: the author (the network's validation credits no one in the authors and team groups).
    // Each replication: the author, and the team, which now counts the lead who adopted it for
    // their unit (the ledger credits them "replicated", docs/recognition.md §1).
    const byPerson = (a: string, b: string) => (a < b ? -1 : 1);
    const [first, second] = [zoe.personId, leadA.personId].sort(byPerson);
    const expected = [
      { milestone: 'impact_validated', occurrence: '-', person_id: zoe.personId, anonymous: false },
      { milestone: 'replicated', occurrence: a, person_id: first, anonymous: false },
      { milestone: 'replicated', occurrence: a, person_id: second, anonymous: false },
      { milestone: 'replicated', occurrence: b, person_id: first, anonymous: false },
      { milestone: 'replicated', occurrence: b, person_id: second, anonymous: false },
    ];
    expect(await rowsNow()).toEqual(expected);
    // The replications' events run again (a retry): nothing twice.
    for (const id of ids.slice(2)) expect(await opener.open([id])).toEqual({ opened: 0 });
    expect(await rowsNow()).toEqual(expected);
  });

  it('opens items for the milestones the organisation keeps on (HR and admins set them)', async () => {
    expect((await hr.get('/api/recognition-settings').expect(200)).body).toMatchObject({
      milestones: ['idea_accepted', 'implemented', 'impact_validated', 'replicated'],
    });
    expectProblem(await leadA.get('/api/recognition-settings'), 403, 'role_required');
    expectProblem(await leadA.send('put', '/api/recognition-settings', { milestones: [] }), 403, 'role_required');
    expectProblem(
      await hr.send('put', '/api/recognition-settings', { milestones: ['idea_born'] }),
      400,
      'validation_failed',
      'milestones',
    );
    expectProblem(
      await hr.send('put', '/api/recognition-settings', { milestones: ['implemented', 'implemented'] }),
      400,
      'validation_failed',
      'milestones',
    );
    expectProblem(await hr.send('put', '/api/recognition-settings', {}), 400, 'validation_failed', 'milestones');
    const set = (await hr.send('put', '/api/recognition-settings', { milestones: ['implemented'] }).expect(200)).body;
    expect(set).toMatchObject({ milestones: ['implemented'] });
    // Accepted now: the milestone is off, nothing opens.
    const fresh = await makeIdea(ds, { authors: [zoePerson.person], unit: unitB, status: 'collect' });
    await happen([
      ev(fresh.id, 'submit', { fromStatus: 'emerge', toStatus: 'submitted', actorId: zoe.personId }),
      ev(fresh.id, 'accept', { fromStatus: 'collect', toStatus: 'visible', actorId: leadB.personId }),
    ]);
    const opened: { n: number }[] = await ds.query('SELECT count(*)::int AS n FROM recognition WHERE idea_id = $1', [
      fresh.id,
    ]);
    expect(opened[0]!.n).toBe(0);
    await happen([
      ev(fresh.id, 'complete_implementation', {
        fromStatus: 'implement',
        toStatus: 'follow_up',
        actorId: leadB.personId,
      }),
    ]);
    const rows: { milestone: string; person_id: string }[] = await ds.query(
      'SELECT milestone, person_id FROM recognition WHERE idea_id = $1 ORDER BY person_id',
      [fresh.id],
    );
    // The author, and the implementation owner the same event credited in the ledger (team).
    expect(rows).toEqual(
      [
        { milestone: 'implemented', person_id: zoe.personId },
        { milestone: 'implemented', person_id: leadB.personId },
      ].sort((a, b) => a.person_id.localeCompare(b.person_id)),
    );
    await hr
      .send('put', '/api/recognition-settings', {
        milestones: ['idea_accepted', 'implemented', 'impact_validated', 'replicated'],
      })
      .expect(200);
  });
  it('lets no recogniser record or dismiss their own recognition: another does', async () => {
    const own = await makeIdea(ds, {
      authors: [leadA.person],
      unit: unitA,
      status: 'visible',
      title: 'L’idée du pilote',
    });
    await happen([
      ev(own.id, 'submit', { fromStatus: 'emerge', toStatus: 'submitted', actorId: leadA.personId }),
      ev(own.id, 'accept', { fromStatus: 'collect', toStatus: 'visible', actorId: leadA.personId }),
    ]);
    const item = await itemOf(own.id, leadA.personId);
    const good = { form: 'thanks_letter', message: 'Merci !', isPublic: false };
    expectProblem(await leadA.send('post', `/api/recognitions/${item.id}/record`, good), 403, 'own_recognition');
    expectProblem(
      await leadA.send('post', `/api/recognitions/${item.id}/dismiss`, { reason: 'Déjà fait' }),
      403,
      'own_recognition',
    );
    const recorded = (await hr.send('post', `/api/recognitions/${item.id}/record`, good).expect(200)).body as ItemBody;
    expect(recorded).toMatchObject({ status: 'recorded', form: 'thanks_letter' });
  });
});
