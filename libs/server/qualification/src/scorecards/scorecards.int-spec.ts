import 'reflect-metadata';
import { Conflict, Forbidden, NotFound } from '@eclore/domain';
import { OrgUnit } from '@eclore/server-identity';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import {
  makeAssignment,
  makeIdea,
  makePerson,
  makeScorecard,
  makeUnit,
  type TestPerson,
} from '../../../../../test/harness';
import { consolidatedScorecards } from './consolidated';
import { ScorecardsModule } from './scorecards.module';
import { ScorecardsService } from './scorecards.service';

/**
 * Scorecards without HTTP: the service against real PostgreSQL, people and ideas from the factories.
 * Who may score (an open assignee in scope, not an author), when (in qualification only), and the
 * consolidated view other contexts read (contract C2) counting submitted scorecards only.
 */
const ALL_THREES = { user_value: 3, feasibility: 3, cost: 3, strategic_alignment: 3, replicability: 3 };

describe('scorecards (service, real PostgreSQL)', () => {
  let ctx: ServiceTestContext;
  let service: ScorecardsService;
  let unit: OrgUnit;
  let author: TestPerson;
  let reviewer: TestPerson;
  let outsider: TestPerson;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'scorecards', imports: [ScorecardsModule] });
    service = ctx.get(ScorecardsService);
    const direction = await makeUnit(ctx.ds);
    unit = await makeUnit(ctx.ds, { parent: direction });
    author = await makePerson(ctx.ds, { unit, password: null });
    reviewer = await makePerson(ctx.ds, { roles: [{ role: 'network_member', unit: direction }], password: null });
    // A network member scoped elsewhere: the idea is not in their scope.
    outsider = await makePerson(ctx.ds, {
      roles: [{ role: 'network_member', unit: await makeUnit(ctx.ds) }],
      password: null,
    });
  });

  afterAll(() => ctx?.close());

  const ideaInQualification = () =>
    makeIdea(ctx.ds, { authors: [author.person], unit, status: 'qualify', kind: 'solution' });

  it('lets an assigned network member in scope submit, and counts the submitted card in the consolidation', async () => {
    const idea = await ideaInQualification();
    await makeAssignment(ctx.ds, { idea, reviewer: reviewer.person });

    const view = await service.submit(reviewer.actor, idea.id, { scores: ALL_THREES, comment: '  Solide.  ' });

    expect(view.open).toBe(true);
    expect(view.mine).toMatchObject({ status: 'submitted', scores: ALL_THREES, comment: 'Solide.' });
    expect(view.consolidated.reviewerCount).toBe(1);
    expect(view.consolidated.reviews).toEqual([
      expect.objectContaining({ reviewer: expect.objectContaining({ id: reviewer.person.id }) }),
    ]);
    const consolidated = (await consolidatedScorecards(ctx.ds.manager, [idea.id])).get(idea.id);
    expect(consolidated?.reviewerCount).toBe(1);
  });

  it('leaves drafts out of the consolidated view', async () => {
    const idea = await ideaInQualification();
    const other = await makePerson(ctx.ds, { roles: ['network_member'], password: null });
    await makeScorecard(ctx.ds, { idea, reviewer: reviewer.person, scores: ALL_THREES });
    await makeScorecard(ctx.ds, { idea, reviewer: other.person, scores: { user_value: 5 }, status: 'draft' });

    const consolidated = (await consolidatedScorecards(ctx.ds.manager, [idea.id, idea.id])).get(idea.id);

    expect(consolidated?.reviewerCount).toBe(1);
    expect(consolidated?.reviews.map((r) => r.reviewerId)).toEqual([reviewer.person.id]);
  });

  it('refuses a network member without an open assignment, and one outside the idea’s scope', async () => {
    const idea = await ideaInQualification();
    await expect(service.submit(reviewer.actor, idea.id, { scores: ALL_THREES, comment: '' })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await makeAssignment(ctx.ds, { idea, reviewer: outsider.person });
    // Assigned but out of scope: the scope rule still refuses.
    await expect(service.submit(outsider.actor, idea.id, { scores: ALL_THREES, comment: '' })).rejects.toBeInstanceOf(
      Forbidden,
    );
  });

  it('refuses the author even when assigned', async () => {
    const networkAuthor = await makePerson(ctx.ds, { unit, roles: ['network_member'], password: null });
    const idea = await makeIdea(ctx.ds, { authors: [networkAuthor.person], unit, status: 'qualify' });
    await makeAssignment(ctx.ds, { idea, reviewer: networkAuthor.person });
    await expect(
      service.submit(networkAuthor.actor, idea.id, { scores: ALL_THREES, comment: '' }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('writes scorecards only while the idea is in qualification', async () => {
    const idea = await makeIdea(ctx.ds, { authors: [author.person], unit, status: 'decide' });
    await makeAssignment(ctx.ds, { idea, reviewer: reviewer.person });
    await expect(service.saveDraft(reviewer.actor, idea.id, { scores: {}, comment: '' })).rejects.toBeInstanceOf(
      Conflict,
    );
    const view = await service.view(reviewer.actor, idea.id);
    expect(view).toMatchObject({ open: false, canScore: false });
  });

  it('answers 404 for an idea the employee cannot read', async () => {
    const draft = await makeIdea(ctx.ds, { authors: [author.person], unit, status: 'emerge' });
    const employee = await makePerson(ctx.ds, { password: null });
    await expect(service.view(employee.actor, draft.id)).rejects.toBeInstanceOf(NotFound);
  });
});
