// Factories for the stages after the committee's decision (docs/realisation.md): the idea team, an
// implementation project with milestones, an experiment with its first hypothesis. Rows go in
// through the realisation entities, as the other factories do.
import type { DataSource, EntityManager } from 'typeorm';
import type { TeamRole } from '@eclore/domain';
import type { Idea } from '@eclore/server-ideas';
import type { OrgUnit, Person } from '@eclore/server-identity';
import {
  Experiment,
  ExperimentHypothesis,
  IdeaTeamMember,
  ImplementationProject,
  Milestone,
} from '@eclore/server-realisation';

type Db = DataSource | EntityManager;
const managerOf = (db: Db): EntityManager => ('manager' in db ? db.manager : db);
const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A person in an idea's team (the first lead of an idea is given `role: 'lead'`). */
export async function makeTeamMember(
  db: Db,
  options: { idea: Idea; person: Person; role?: TeamRole; isAuthor?: boolean },
): Promise<IdeaTeamMember> {
  const m = managerOf(db);
  const row = m.create(IdeaTeamMember, {
    ideaId: options.idea.id,
    personId: options.person.id,
    role: options.role ?? 'member',
    isAuthor: options.isAuthor ?? false,
  });
  await m.insert(IdeaTeamMember, row);
  return m.findOneByOrFail(IdeaTeamMember, { ideaId: row.ideaId, personId: row.personId });
}

/** A running experiment with its first hypothesis (from 10 days ago to 20 days ahead by default). */
export async function makeExperiment(
  db: Db,
  options: { idea: Idea; by: Person; startsOn?: string; endsOn?: string },
): Promise<{ experiment: Experiment; hypothesis: ExperimentHypothesis }> {
  const m = managerOf(db);
  const experiment = m.create(Experiment, {
    ideaId: options.idea.id,
    whatIsTried: 'A shared calendar for the counters',
    whereTried: 'The north office',
    withWhom: 'Two counter agents',
    startsOn: options.startsOn ?? day(-10),
    endsOn: options.endsOn ?? day(20),
    createdBy: options.by.id,
  });
  await m.insert(Experiment, experiment);
  const hypothesis = m.create(ExperimentHypothesis, {
    experimentId: experiment.id,
    version: 1,
    change: 'a shared calendar',
    audience: 'counter agents',
    expectedResult: 'halve the double bookings',
    createdBy: options.by.id,
  });
  await m.insert(ExperimentHypothesis, hypothesis);
  return {
    experiment: await m.findOneByOrFail(Experiment, { id: experiment.id }),
    hypothesis: await m.findOneByOrFail(ExperimentHypothesis, { id: hypothesis.id }),
  };
}

/** An implementation project of an idea, owned by `owner`, in the idea's unit unless given. */
export async function makeProject(
  db: Db,
  options: { idea: Idea; owner: Person; unit?: OrgUnit; startsOn?: string; budgetPlanned?: number },
): Promise<ImplementationProject> {
  const m = managerOf(db);
  const orgUnitId = options.unit?.id ?? options.idea.orgUnitId;
  if (!orgUnitId) throw new Error('makeProject needs a unit (the idea has none)');
  const project = m.create(ImplementationProject, {
    ideaId: options.idea.id,
    ownerId: options.owner.id,
    orgUnitId,
    startsOn: options.startsOn ?? day(-30),
    budgetPlanned: options.budgetPlanned ?? 0,
    createdBy: options.owner.id,
  });
  await m.insert(ImplementationProject, project);
  return m.findOneByOrFail(ImplementationProject, { id: project.id });
}

/** A milestone of a project (open, weight 1, due in 30 days by default). */
export async function makeMilestone(
  db: Db,
  options: { project: ImplementationProject; title?: string; weight?: number; dueOn?: string; position?: number },
): Promise<Milestone> {
  const m = managerOf(db);
  const position = options.position ?? (await m.countBy(Milestone, { projectId: options.project.id }));
  const milestone = m.create(Milestone, {
    projectId: options.project.id,
    position,
    title: options.title ?? `Milestone ${position + 1}`,
    weight: options.weight ?? 1,
    dueOn: options.dueOn ?? day(30),
  });
  await m.insert(Milestone, milestone);
  return m.findOneByOrFail(Milestone, { id: milestone.id });
}
