import 'reflect-metadata';
import { NotFound } from '@eclore/domain';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { makeIdea, makePerson, makeUnit, type TestPerson } from '../../../../../test/harness';
import { IdeaAccess } from './idea-access.service';
import { IdeasCoreModule } from './ideas-core.module';

/**
 * Reading an idea without HTTP: IdeaAccess against real PostgreSQL, people and ideas from the
 * factories. The anonymity rule (authors shown to the authors only, never to staff in scope) and
 * who may read a draft, decided in the one presenter every reader goes through.
 */
describe('IdeaAccess.read (service, real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let ideas: IdeaAccess;
  let author: TestPerson;
  let coAuthor: TestPerson;
  let colleague: TestPerson;
  let network: TestPerson;
  let guardian: TestPerson;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'ideaaccess', imports: [IdeasCoreModule] });
    ideas = ctx.get(IdeaAccess);
    const unit = await makeUnit(ctx.ds);
    [author, coAuthor, colleague, network, guardian] = await Promise.all([
      makePerson(ctx.ds, { unit, givenName: 'Anne', familyName: 'Auteur', password: null }),
      makePerson(ctx.ds, { unit, givenName: 'Colin', familyName: 'Coauteur', password: null }),
      makePerson(ctx.ds, { unit, password: null }),
      makePerson(ctx.ds, { roles: [{ role: 'network_member', unit }], password: null }),
      makePerson(ctx.ds, { roles: ['anonymity_guardian'], password: null }),
    ]);
  });

  afterAll(() => ctx?.close());

  it('names the authors of a named idea to everyone who reads it', async () => {
    const idea = await makeIdea(ctx.ds, { authors: [author.person, coAuthor.person] });
    const dto = await ideas.read(idea.id, colleague.actor);
    expect(dto).toMatchObject({
      anonymous: false,
      authorHidden: false,
      author: { id: author.person.id, familyName: 'Auteur' },
    });
    expect(dto.coAuthors.map((c) => c.id)).toEqual([coAuthor.person.id]);
  });

  it('shows the authors of an anonymous idea to its authors only', async () => {
    const idea = await makeIdea(ctx.ds, { authors: [author.person, coAuthor.person], anonymous: true });
    for (const who of [author, coAuthor]) {
      expect(await ideas.read(idea.id, who.actor)).toMatchObject({
        authorHidden: false,
        author: { id: author.person.id },
      });
    }
    // The guardian too sees them only through the audited reveal, never in a plain read.
    for (const who of [colleague, network, guardian]) {
      const dto = await ideas.read(idea.id, who.actor);
      expect(dto).toMatchObject({ anonymous: true, authorHidden: true, author: null, coAuthors: [] });
      const body = JSON.stringify(dto);
      for (const hidden of [author, coAuthor]) {
        expect(body).not.toContain(hidden.person.id);
        expect(body).not.toContain(hidden.person.familyName);
      }
    }
  });

  it('keeps a draft to its authors: 404 for a colleague', async () => {
    const draft = await makeIdea(ctx.ds, { authors: [author.person], status: 'emerge' });
    expect((await ideas.read(draft.id, author.actor)).status).toBe('emerge');
    await expect(ideas.read(draft.id, colleague.actor)).rejects.toBeInstanceOf(NotFound);
  });
});
