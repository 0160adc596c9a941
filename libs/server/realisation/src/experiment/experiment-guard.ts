import type { EntityManager } from 'typeorm';
import { Conflict, NotFound, ValidationFailed, type Action, type Actor, type FieldProblem } from '@eclore/domain';
import type { AccessService } from '@eclore/server-identity';
import type { IdeaAccess } from '@eclore/server-ideas';
import type { Experiment } from '../entities';
import { loadTeamContext, type TeamContext, type TeamRepository } from '../team';
import type { ExperimentRepository } from './experiment.repository';

export interface ExperimentDeps {
  ideas: IdeaAccess;
  access: AccessService;
  team: TeamRepository;
  repo: ExperimentRepository;
}

/** Loads the idea (404 if unreadable), checks the policy with the team facts, locks the experiment. */
export async function authoriseOnExperiment(
  deps: ExperimentDeps,
  m: EntityManager,
  actor: Actor,
  ideaId: string,
  action: Action,
): Promise<{ ctx: TeamContext; experiment: Experiment }> {
  const ctx = await loadTeamContext(deps.ideas, deps.team, m, actor, ideaId);
  deps.access.assert(actor, action, ctx.facts);
  const experiment = await deps.repo.ofIdea(ideaId, m, true);
  if (!experiment) throw new NotFound('experiment');
  return { ctx, experiment };
}

export function assertRunning(experiment: Experiment): void {
  if (experiment.status !== 'running')
    throw new Conflict('experiment_not_running', 'The experiment has its outcome: it no longer changes.');
}

export function refuseIf(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationFailed(problems);
}

/** Prefixes the domain's field names with where they sit in the body (`measures.2.target`). */
export const within = (prefix: string, problems: readonly FieldProblem[]): FieldProblem[] =>
  problems.map((p) => ({ ...p, field: `${prefix}.${p.field}` }));
