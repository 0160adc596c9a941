import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BudgetLine, ImplementationProject, Milestone, ProjectUpdate } from '../entities';

export interface NewProject {
  ideaId: string;
  ownerId: string;
  orgUnitId: string;
  startsOn: string;
  budgetPlanned: number;
  createdBy: string;
}

export interface NewMilestone {
  projectId: string;
  title: string;
  weight: number;
  dueOn: string;
  progress: number;
  updatedBy: string;
}

export type MilestoneChanges = Partial<
  Pick<Milestone, 'title' | 'weight' | 'dueOn' | 'status' | 'progress' | 'dropReason' | 'doneAt'>
>;

/** A team member row as the project page needs it (the anonymity of authors is decided by the caller). */
export interface TeamRow {
  personId: string;
  role: 'lead' | 'member';
  isAuthor: boolean;
  givenName: string;
  familyName: string;
}

/** A project's figures for lists (the portfolio, the lineage): enough to compute progress and status. */
export interface ProjectFiguresRow {
  project: ImplementationProject;
  milestones: Milestone[];
}

/** All SQL of the implementation project: the project row, milestones, updates, budget lines, team. */
@Injectable()
export class ProjectRepository {
  constructor(private readonly ds: DataSource) {}

  get manager(): EntityManager {
    return this.ds.manager;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** The idea's own project (a replica's idea has its own too); the oldest if several. */
  async ofIdea(
    ideaId: string,
    manager: EntityManager = this.ds.manager,
    lock = false,
  ): Promise<ImplementationProject | null> {
    return manager.findOne(ImplementationProject, {
      where: { ideaId },
      order: { createdAt: 'ASC' },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async insertProject(row: NewProject, manager: EntityManager): Promise<ImplementationProject> {
    const created = manager.create(ImplementationProject, row);
    await manager.insert(ImplementationProject, created);
    return manager.findOneByOrFail(ImplementationProject, { id: created.id });
  }

  async updateProject(
    id: string,
    changes: Partial<Pick<ImplementationProject, 'ownerId' | 'budgetPlanned' | 'goLiveAt' | 'completedAt'>>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE implementation_project SET
         owner_id = COALESCE($2, owner_id),
         budget_planned = COALESCE($3, budget_planned),
         go_live_at = COALESCE($4, go_live_at),
         completed_at = COALESCE($5, completed_at),
         version = version + 1, updated_at = now()
       WHERE id = $1`,
      [
        id,
        changes.ownerId ?? null,
        changes.budgetPlanned ?? null,
        changes.goLiveAt ?? null,
        changes.completedAt ?? null,
      ],
    );
  }

  milestones(projectId: string, manager: EntityManager = this.ds.manager): Promise<Milestone[]> {
    return manager.find(Milestone, { where: { projectId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  milestone(projectId: string, id: string, manager: EntityManager = this.ds.manager): Promise<Milestone | null> {
    return manager.findOneBy(Milestone, { projectId, id });
  }

  async insertMilestone(row: NewMilestone, manager: EntityManager): Promise<string> {
    const [next] = await manager.query<{ position: number }[]>(
      `SELECT COALESCE(MAX(position) + 1, 0)::int AS position FROM milestone WHERE project_id = $1`,
      [row.projectId],
    );
    const created = manager.create(Milestone, { ...row, position: next?.position ?? 0 });
    await manager.insert(Milestone, created);
    return created.id;
  }

  /**
   * Optimistic concurrency: the row changes only if it still has the version the editor read, and
   * its version moves on. False when someone else changed (or deleted) it meanwhile.
   */
  async updateMilestoneIfVersion(
    id: string,
    readVersion: number,
    changes: MilestoneChanges,
    updatedBy: string,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Milestone)
      .set({ ...changes, updatedBy, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :readVersion', { id, readVersion })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async deleteMilestoneIfVersion(id: string, readVersion: number, manager: EntityManager): Promise<boolean> {
    const result = await manager.delete(Milestone, { id, version: readVersion });
    return (result.affected ?? 0) === 1;
  }

  updates(projectId: string, manager: EntityManager = this.ds.manager): Promise<ProjectUpdate[]> {
    return manager.find(ProjectUpdate, { where: { projectId }, order: { createdAt: 'DESC' } });
  }

  async insertUpdate(
    row: Pick<ProjectUpdate, 'projectId' | 'authorId' | 'bodyHtml'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(ProjectUpdate, row);
  }

  budgetLines(projectId: string, manager: EntityManager = this.ds.manager): Promise<BudgetLine[]> {
    return manager.find(BudgetLine, { where: { projectId }, order: { spentOn: 'ASC', createdAt: 'ASC' } });
  }

  async insertBudgetLine(
    row: Pick<BudgetLine, 'projectId' | 'label' | 'amount' | 'spentOn' | 'recordedBy'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(BudgetLine, row);
  }

  team(ideaId: string, manager: EntityManager = this.ds.manager): Promise<TeamRow[]> {
    return manager.query(
      `SELECT m.person_id AS "personId", m.role, m.is_author AS "isAuthor",
              p.given_name AS "givenName", p.family_name AS "familyName"
         FROM idea_team_member m JOIN person p ON p.id = m.person_id
        WHERE m.idea_id = $1
        ORDER BY (m.role = 'lead') DESC, m.joined_at, m.person_id`,
      [ideaId],
    );
  }

  /** Projects of these ideas with their milestones (one query each): lists compute progress from them. */
  async figuresOfIdeas(
    ideaIds: readonly string[],
    manager: EntityManager = this.ds.manager,
  ): Promise<ProjectFiguresRow[]> {
    if (ideaIds.length === 0) return [];
    const projects = await manager
      .createQueryBuilder(ImplementationProject, 'p')
      .where('p.idea_id = ANY(:ids::uuid[])', { ids: [...ideaIds] })
      .orderBy('p.created_at', 'ASC')
      .getMany();
    if (projects.length === 0) return [];
    const milestones = await manager
      .createQueryBuilder(Milestone, 'm')
      .where('m.project_id = ANY(:ids::uuid[])', { ids: projects.map((p) => p.id) })
      .getMany();
    return projects.map((project) => ({ project, milestones: milestones.filter((m) => m.projectId === project.id) }));
  }
}
