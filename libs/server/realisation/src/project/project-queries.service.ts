import { readsOn } from '@eclore/server-platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { budgetSummary, showMember, type Actor, type PolicyContext } from '@eclore/domain';
import { AccessService, peopleMap } from '@eclore/server-identity';
import { IdeaAccess, type LoadedIdea } from '@eclore/server-ideas';
import type { ImplementationProject } from '../entities';
import type { ProjectDto, ProjectViewDto, ProjectTeamMemberDto } from './project.dto';
import { planPoints, projectFigures } from './project-figures';
import { ProjectRepository, type TeamRow } from './project.repository';

/** The policy facts of an idea for the project actions (owner, team, scope). */
export function projectContext(loaded: LoadedIdea): PolicyContext {
  return {
    target: loaded.viewer.target,
    isProjectOwner: loaded.viewer.isImplementationOwner === true,
    isTeamMember: loaded.viewer.isIdeaTeamMember === true,
  };
}

const ref = (p: { id: string; givenName: string; familyName: string } | undefined, id: string) => ({
  id,
  givenName: p?.givenName ?? '',
  familyName: p?.familyName ?? '',
});

/** Reads the project of an idea and presents it with the figures the domain computes. */
@Injectable()
export class ProjectQueriesService {
  constructor(
    private readonly repo: ProjectRepository,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
  ) {}

  async view(actor: Actor, ideaId: string, now = new Date()): Promise<ProjectViewDto> {
    const manager = this.repo.manager;
    const loaded = await this.ideas.loadReadable(manager, ideaId, actor);
    this.access.assert(actor, 'realisation.read', { target: loaded.viewer.target });
    const project = await this.repo.ofIdea(ideaId, manager);
    const ctx = projectContext(loaded);
    const open = loaded.idea.status === 'implement';
    return {
      project: project ? await this.present(manager, loaded, project, actor, now) : null,
      canAssignOwner: open && this.access.can(actor, 'project.assign_owner', { target: ctx.target }),
      canManage: project !== null && open && this.access.can(actor, 'project.manage', ctx),
      canGoLive: project !== null && open && ctx.isProjectOwner === true,
    };
  }

  private async present(
    manager: EntityManager,
    loaded: LoadedIdea,
    project: ImplementationProject,
    actor: Actor,
    now: Date,
  ): Promise<ProjectDto> {
    const [milestones, updates, lines, team] = await readsOn(manager, [
      () => this.repo.milestones(project.id, manager),
      () => this.repo.updates(project.id, manager),
      () => this.repo.budgetLines(project.id, manager),
      () => this.repo.team(project.ideaId, manager),
    ]);
    const people = await peopleMap(manager, [project.ownerId, ...updates.map((u) => u.authorId)]);
    const figures = projectFigures(project, milestones, now);
    const budget = budgetSummary(
      project.budgetPlanned,
      lines.map((l) => l.amount),
    );
    // An anonymous author writing an update stays "an author" to the others.
    const hidden = (id: string) => loaded.hiddenAuthorIds.has(id) && id !== actor.personId;
    return {
      id: project.id,
      owner: ref(people.get(project.ownerId), project.ownerId),
      team: team.map((m) => presentTeamMember(m, loaded, actor)),
      startsOn: project.startsOn,
      progress: figures.progress,
      expected: figures.expected,
      status: figures.status,
      plan: planPoints(project, milestones),
      milestones: milestones.map((m) => ({
        id: m.id,
        title: m.title,
        weight: m.weight,
        dueOn: m.dueOn,
        status: m.status,
        progress: m.status === 'done' ? 100 : m.progress,
        dropReason: m.dropReason,
        late: figures.lateIds.has(m.id),
        version: m.version,
      })),
      budget: {
        ...budget,
        lines: lines.map((l) => ({ id: l.id, label: l.label, amount: l.amount, spentOn: l.spentOn })),
      },
      updates: updates.map((u) => ({
        id: u.id,
        author: hidden(u.authorId) ? null : ref(people.get(u.authorId), u.authorId),
        bodyHtml: u.bodyHtml,
        createdAt: u.createdAt.toISOString(),
      })),
      goLiveAt: project.goLiveAt ? project.goLiveAt.toISOString() : null,
      canComplete: figures.canComplete,
    };
  }
}

/** An author hidden on this idea is "an author" to everyone but themself (domain showMember). */
function presentTeamMember(m: TeamRow, loaded: LoadedIdea, actor: Actor): ProjectTeamMemberDto {
  const shown = showMember(
    { personId: m.personId, role: m.role, isAuthor: m.isAuthor, anonymous: loaded.hiddenAuthorIds.has(m.personId) },
    actor.personId,
  );
  return {
    role: m.role,
    isAuthor: m.isAuthor,
    person: shown.kind === 'person' ? { id: m.personId, givenName: m.givenName, familyName: m.familyName } : null,
  };
}
