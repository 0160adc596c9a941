import 'reflect-metadata';
import { IdeaAccess } from '@eclore/server-ideas';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { entityMappingProblems } from '../../../../../test/harness/entity-mapping';
import { makeIdea, makePerson, makeUnit } from '../../../../../test/harness';
import { RealisationModule } from '../realisation.module';
import { REALISATION_ENTITIES } from './index';

/**
 * The realisation entities stay out of schema generation (their schema is the hand-written
 * migration, see schema.ts), so this checks each mapped column against the migrated table: the
 * same name, a compatible type and the same nullability. A renamed column or a forgotten one fails here.
 */
describe('realisation entities (real PostgreSQL)', () => {
  let ctx: ServiceTestContext;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'realisation_entities', imports: [RealisationModule] });
  });
  afterAll(() => ctx?.close());

  it('maps every column of every realisation table, with its type and nullability', async () => {
    expect(await entityMappingProblems(ctx.ds, REALISATION_ENTITIES)).toEqual([]);
  });

  it('tells the one idea loader who is in the team and who owns the project', async () => {
    const unit = await makeUnit(ctx.ds);
    const author = await makePerson(ctx.ds, { unit, password: null });
    const owner = await makePerson(ctx.ds, { unit, password: null });
    const idea = await makeIdea(ctx.ds, { authors: [author.person], unit, status: 'implement', kind: 'solution' });
    await ctx.ds.query(
      `INSERT INTO idea_team_member (idea_id, person_id, role, is_author) VALUES ($1, $2, 'lead', true)`,
      [idea.id, author.person.id],
    );
    await ctx.ds.query(
      `INSERT INTO implementation_project (idea_id, owner_id, org_unit_id, starts_on, created_by) VALUES ($1, $2, $3, CURRENT_DATE, $2)`,
      [idea.id, owner.person.id, unit.id],
    );
    const access = ctx.get(IdeaAccess);

    const asAuthor = await access.load(ctx.ds.manager, idea.id, author.actor);
    const asOwner = await access.load(ctx.ds.manager, idea.id, owner.actor);

    expect([asAuthor.viewer.isIdeaTeamMember, asAuthor.viewer.isImplementationOwner]).toEqual([true, false]);
    expect([asOwner.viewer.isIdeaTeamMember, asOwner.viewer.isImplementationOwner]).toEqual([false, true]);
  });
});
