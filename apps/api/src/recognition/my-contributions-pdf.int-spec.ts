import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { makeContribution, makeIdea, makePerson, makeRecognition, makeUnit } from '../../../../test/harness';
import { createApiTestContext, type ApiTestContext, type Member } from '../../../../test/harness/api-context';
import { pdfLines } from '../../../../test/pdf-text';

/**
 * "My contributions" as a PDF over real HTTP (docs/recognition.md §1): the caller's own entries, in
 * their language, in a Unicode font, anonymous ones included for them and marked so; someone else's
 * never; a bad language is a 400 problem+json naming `lang`.
 */
describe('my contributions PDF', () => {
  let ctx: ApiTestContext;
  let ds: DataSource;
  let zoe: Member;
  let other: Member;

  beforeAll(async () => {
    ctx = await createApiTestContext({ label: 'my_contributions_pdf' });
    ({ ds } = ctx);
    const unit = await makeUnit(ds, { code: 'PDF-U' });
    const person = await makePerson(ds, { unit, givenName: 'Zoë', familyName: 'Nguyễn Ørsted', locale: 'en' });
    const someone = await makePerson(ds, { unit, givenName: 'Łukasz', familyName: 'Wiśniewski' });
    zoe = await ctx.signInAs(person);
    other = await ctx.signInAs(someone);
    const named = await makeIdea(ds, {
      authors: [someone.person],
      unit,
      status: 'visible',
      title: 'Réduire l’attente au guichet',
    });
    const hidden = await makeIdea(ds, {
      authors: [person.person],
      unit,
      status: 'visible',
      title: 'Covoiturage des équipes de nuit',
    });
    await makeContribution(ds, {
      idea: named,
      kind: 'commented',
      person: person.person,
      at: new Date('2026-03-02T10:00:00Z'),
    });
    await makeContribution(ds, {
      idea: hidden,
      kind: 'team_member',
      person: person.person,
      at: new Date('2026-04-05T10:00:00Z'),
      anonymous: true,
    });
    await makeContribution(ds, {
      idea: named,
      kind: 'commented',
      person: someone.person,
      at: new Date('2026-05-01T10:00:00Z'),
    });
    await makeRecognition(ds, {
      idea: hidden,
      person: person.person,
      by: someone.person,
      form: 'award',
      at: new Date('2026-06-10T10:00:00Z'),
    });
  });

  afterAll(() => ctx?.close());

  const download = async (who: Member, query = '') => {
    const res = await who.get(`/api/me/contributions.pdf${query}`).responseType('blob').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return { res, text: await pdfLines(res.body as Buffer) };
  };

  it('prints the person’s own contributions in their language, their name in a Unicode font', async () => {
    const { res, text } = await download(zoe);
    expect(res.headers['content-disposition']).toContain('my-contributions-');
    expect(text).toContain('My contributions to participative innovation');
    expect(text).toContain('Zoë Nguyễn Ørsted — ');
    expect(text).toContain('Comment : 1');
    expect(text).toContain('Team member : 1');
    expect(text).toContain('Réduire l’attente au guichet');
    // The anonymous entry is theirs: shown to them, marked as anonymous.
    expect(text).toContain('Covoiturage des équipes de nuit');
    expect(text).toContain('anonymous: visible to you only');
    // Their recognitions too, with the message the recogniser wrote.
    expect(text).toContain('My recognitions');
    expect(text).toContain('Award — Covoiturage des équipes de nuit');
    expect(text).toContain('Thank you for carrying this idea.');
    expect(text).not.toContain('Mes contributions');
  });

  it('prints in French on request, and only the caller’s own entries', async () => {
    const { res, text } = await download(zoe, '?lang=fr');
    expect(res.headers['content-disposition']).toContain('mes-contributions-');
    expect(text).toContain('Mes contributions à l’innovation participative');
    expect(text).toContain('Membre de l’équipe : 1');
    expect(text).toContain('anonyme : visible par vous seul·e');

    const theirs = await download(other, '?lang=fr');
    expect(theirs.text).toContain('Łukasz Wiśniewski');
    expect(theirs.text).toContain('Commentaire : 1');
    expect(theirs.text).not.toContain('Covoiturage');
    expect(theirs.text).not.toContain('Zoë');
    expect(theirs.text).not.toContain('Mes reconnaissances');
  });

  it('refuses an unknown language with 400 problem+json naming lang, and a visitor with 401', async () => {
    const res = await zoe.get('/api/me/contributions.pdf?lang=de');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).toContain('"lang"');
    await ctx.http().get('/api/me/contributions.pdf').expect(401);
  });
});
