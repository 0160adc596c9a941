import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Conflict, NotFound, validateAmount, ValidationFailed, type Actor, type FieldProblem } from '@eclore/domain';
import { plainText, sanitizeRichText } from '@eclore/server-platform';
import { AccessService, AuditService, findPeople } from '@eclore/server-identity';
import { appendIdeaEvents, IdeaAccess, type LoadedIdea } from '@eclore/server-ideas';
import type { ImplementationProject } from '../entities';
import type {
  ChangeOwnerInput,
  CreateBudgetLineInput,
  CreateProjectInput,
  CreateUpdateInput,
  UpdateProjectInput,
} from './project.dto';
import { projectContext } from './project-queries.service';
import { ProjectRepository } from './project.repository';

export interface AuthorisedProject {
  loaded: LoadedIdea;
  project: ImplementationProject;
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** The owner named must be an active person of the directory (a field problem otherwise). */
export async function assertActivePerson(manager: EntityManager, personId: string, field: string): Promise<void> {
  const [person] = await findPeople(manager, [personId]);
  if (!person || !person.active) {
    throw new ValidationFailed([{ field, code: 'unknown_person', message: `${field} is not an active person.` }]);
  }
}

/**
 * The project's writes: naming the owner (which creates the project), changing the owner, the
 * planned budget, dated updates and spending. Each in one transaction with the idea row locked, the
 * policy asked with the idea's facts, and an audit entry about the idea (so an anonymous author
 * acting is pseudonymised).
 */
@Injectable()
export class ProjectCommandsService {
  constructor(
    private readonly repo: ProjectRepository,
    private readonly ideas: IdeaAccess,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** Loads the idea (404 if unreadable), its project (409 `no_project`), and asserts `project.manage`. */
  async authoriseManage(manager: EntityManager, actor: Actor, ideaId: string): Promise<AuthorisedProject> {
    const loaded = await this.ideas.loadReadable(manager, ideaId, actor, { lock: true });
    this.access.assert(actor, 'project.manage', projectContext(loaded));
    const project = await this.repo.ofIdea(ideaId, manager, true);
    if (!project) throw new Conflict('no_project', 'The project starts when its owner is named.');
    if (loaded.idea.status !== 'implement' || project.completedAt !== null) {
      throw new Conflict('project_not_open', 'The project has gone live: its plan is closed.');
    }
    return { loaded, project };
  }

  async create(actor: Actor, ideaId: string, input: CreateProjectInput): Promise<void> {
    await this.repo.transaction(async (manager) => {
      const loaded = await this.ideas.loadReadable(manager, ideaId, actor, { lock: true });
      this.access.assert(actor, 'project.assign_owner', { target: loaded.viewer.target });
      if (loaded.idea.status !== 'implement') {
        throw new Conflict('project_not_open', 'A project starts once the committee decided to implement the idea.');
      }
      if (await this.repo.ofIdea(ideaId, manager)) {
        throw new Conflict('project_exists', 'The idea has its project; change its owner instead.');
      }
      if (!loaded.idea.orgUnitId) {
        throw new ValidationFailed([{ field: 'ideaId', code: 'no_unit', message: 'The idea has no unit.' }]);
      }
      await assertActivePerson(manager, input.ownerId, 'ownerId');
      const problems: FieldProblem[] =
        input.budgetPlanned === undefined ? [] : validateAmount('budgetPlanned', input.budgetPlanned);
      if (problems.length > 0) throw new ValidationFailed(problems);
      const project = await this.repo.insertProject(
        {
          ideaId,
          ownerId: input.ownerId,
          orgUnitId: loaded.idea.orgUnitId,
          startsOn: input.startsOn ?? today(),
          budgetPlanned: input.budgetPlanned ?? 0,
          createdBy: actor.personId,
        },
        manager,
      );
      await this.ownerNamed(manager, actor, ideaId, project.id, input.ownerId, 'project.created');
    });
  }

  async changeOwner(actor: Actor, ideaId: string, input: ChangeOwnerInput): Promise<void> {
    await this.repo.transaction(async (manager) => {
      const loaded = await this.ideas.loadReadable(manager, ideaId, actor, { lock: true });
      this.access.assert(actor, 'project.assign_owner', { target: loaded.viewer.target });
      const project = await this.repo.ofIdea(ideaId, manager, true);
      if (!project) throw new NotFound('project');
      if (loaded.idea.status !== 'implement') {
        throw new Conflict('project_not_open', 'The project has gone live.');
      }
      await assertActivePerson(manager, input.ownerId, 'ownerId');
      if (project.ownerId === input.ownerId) return;
      await this.repo.updateProject(project.id, { ownerId: input.ownerId }, manager);
      await this.ownerNamed(manager, actor, ideaId, project.id, input.ownerId, 'project.owner_changed');
    });
  }

  async updatePlan(actor: Actor, ideaId: string, input: UpdateProjectInput): Promise<void> {
    await this.repo.transaction(async (manager) => {
      const { project } = await this.authoriseManage(manager, actor, ideaId);
      const problems = validateAmount('budgetPlanned', input.budgetPlanned);
      if (problems.length > 0) throw new ValidationFailed(problems);
      await this.repo.updateProject(project.id, { budgetPlanned: input.budgetPlanned }, manager);
      await this.auditIdea(manager, actor, ideaId, 'project.budget_planned', {
        projectId: project.id,
        budgetPlanned: input.budgetPlanned,
      });
    });
  }

  async addUpdate(actor: Actor, ideaId: string, input: CreateUpdateInput): Promise<void> {
    await this.repo.transaction(async (manager) => {
      const { project } = await this.authoriseManage(manager, actor, ideaId);
      const bodyHtml = sanitizeRichText(input.bodyHtml);
      if (plainText(bodyHtml) === '') {
        throw new ValidationFailed([{ field: 'bodyHtml', code: 'isNotEmpty', message: 'The update is empty.' }]);
      }
      await this.repo.insertUpdate({ projectId: project.id, authorId: actor.personId, bodyHtml }, manager);
      await this.auditIdea(manager, actor, ideaId, 'project.update_added', { projectId: project.id });
    });
  }

  async addBudgetLine(actor: Actor, ideaId: string, input: CreateBudgetLineInput): Promise<void> {
    await this.repo.transaction(async (manager) => {
      const { project } = await this.authoriseManage(manager, actor, ideaId);
      const label = input.label.trim();
      const problems = [
        ...(label === '' ? [{ field: 'label', code: 'isNotEmpty', message: 'The label is empty.' }] : []),
        ...validateAmount('amount', input.amount),
      ];
      if (problems.length > 0) throw new ValidationFailed(problems);
      await this.repo.insertBudgetLine(
        { projectId: project.id, label, amount: input.amount, spentOn: input.spentOn, recordedBy: actor.personId },
        manager,
      );
      await this.auditIdea(manager, actor, ideaId, 'project.spending_recorded', {
        projectId: project.id,
        amount: input.amount,
      });
    });
  }

  auditIdea(
    manager: EntityManager,
    actor: Actor,
    ideaId: string,
    action: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.append(manager, {
      actorId: actor.personId,
      action,
      subjectType: 'idea',
      subjectId: ideaId,
      data,
    });
  }

  /** Audit and the `project_owner_named` idea event (the owner is told through the outbox). */
  private async ownerNamed(
    manager: EntityManager,
    actor: Actor,
    ideaId: string,
    projectId: string,
    ownerId: string,
    action: string,
  ): Promise<void> {
    await this.auditIdea(manager, actor, ideaId, action, { projectId, ownerId });
    await appendIdeaEvents(manager, [
      { ideaId, type: 'project_owner_named', actorId: actor.personId, public: false, data: { projectId, ownerId } },
    ]);
  }
}
