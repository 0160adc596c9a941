import { Injectable } from '@nestjs/common';
import {
  Conflict,
  isCurrentVersion,
  NotFound,
  validateMilestone,
  ValidationFailed,
  type Actor,
  type MilestoneInput,
} from '@eclore/domain';
import { appendIdeaEvents } from '@eclore/server-ideas';
import type { Milestone } from '../entities';
import type { CreateMilestoneInput, UpdateMilestoneInput } from './project.dto';
import { ProjectCommandsService } from './project-commands.service';
import { dayDate } from './project-figures';
import { ProjectRepository, type MilestoneChanges } from './project.repository';

/** 409 for an edit of a milestone someone else changed since it was read: never merged silently. */
export class StaleMilestone extends Conflict {
  constructor() {
    super('stale_version', 'Someone else changed this milestone meanwhile; reload it and apply your change again.');
  }
}

function check(input: MilestoneInput, startsOn: string): void {
  const problems = validateMilestone(input, dayDate(startsOn));
  if (problems.length > 0) throw new ValidationFailed(problems);
}

/**
 * Milestones (jalons) with optimistic concurrency: every edit and delete names the version it read;
 * the row is written `WHERE version = <read>` so of two people editing at once, the second is
 * refused with 409 `stale_version` instead of overwriting the first.
 */
@Injectable()
export class MilestoneCommandsService {
  constructor(
    private readonly repo: ProjectRepository,
    private readonly projects: ProjectCommandsService,
  ) {}

  async create(actor: Actor, ideaId: string, input: CreateMilestoneInput): Promise<string> {
    return this.repo.transaction(async (manager) => {
      const { project } = await this.projects.authoriseManage(manager, actor, ideaId);
      const row = {
        title: input.title.trim(),
        weight: input.weight,
        dueOn: input.dueOn,
        progress: input.progress ?? 0,
      };
      check({ ...row, dueOn: dayDate(row.dueOn), status: 'open', dropReason: null }, project.startsOn);
      const id = await this.repo.insertMilestone({ projectId: project.id, ...row, updatedBy: actor.personId }, manager);
      await this.projects.auditIdea(manager, actor, ideaId, 'milestone.created', {
        projectId: project.id,
        milestoneId: id,
      });
      return id;
    });
  }

  async update(actor: Actor, ideaId: string, milestoneId: string, input: UpdateMilestoneInput): Promise<void> {
    await this.repo.transaction(async (manager) => {
      const { project } = await this.projects.authoriseManage(manager, actor, ideaId);
      const current = await this.repo.milestone(project.id, milestoneId, manager);
      if (!current) throw new NotFound('milestone', milestoneId);
      if (!isCurrentVersion(input.version, current.version)) throw new StaleMilestone();
      const changes = nextState(current, input);
      check(
        {
          title: changes.title ?? current.title,
          weight: changes.weight ?? current.weight,
          dueOn: dayDate(changes.dueOn ?? current.dueOn),
          status: changes.status ?? current.status,
          progress: changes.progress ?? current.progress,
          dropReason: changes.dropReason === undefined ? current.dropReason : changes.dropReason,
        },
        project.startsOn,
      );
      // The row lock of a concurrent editor's UPDATE makes this one wait, then find the version moved.
      if (!(await this.repo.updateMilestoneIfVersion(milestoneId, input.version, changes, actor.personId, manager))) {
        throw new StaleMilestone();
      }
      await this.projects.auditIdea(manager, actor, ideaId, 'milestone.updated', {
        projectId: project.id,
        milestoneId,
        fields: Object.keys(changes),
      });
      if (changes.status === 'done')
        await appendIdeaEvents(manager, [
          {
            ideaId,
            type: 'milestone_done',
            actorId: actor.personId,
            public: false,
            data: { projectId: project.id, milestoneId },
          },
        ]);
    });
  }

  async remove(actor: Actor, ideaId: string, milestoneId: string, version: number): Promise<void> {
    await this.repo.transaction(async (manager) => {
      const { project } = await this.projects.authoriseManage(manager, actor, ideaId);
      const current = await this.repo.milestone(project.id, milestoneId, manager);
      if (!current) throw new NotFound('milestone', milestoneId);
      if (!(await this.repo.deleteMilestoneIfVersion(milestoneId, version, manager))) throw new StaleMilestone();
      await this.projects.auditIdea(manager, actor, ideaId, 'milestone.deleted', {
        projectId: project.id,
        milestoneId,
      });
    });
  }
}

/** The columns an edit changes: done stamps `done_at`, leaving `dropped` clears the reason. */
function nextState(current: Milestone, input: UpdateMilestoneInput): MilestoneChanges {
  const changes: MilestoneChanges = {};
  if (input.title !== undefined) changes.title = input.title.trim();
  if (input.weight !== undefined) changes.weight = input.weight;
  if (input.dueOn !== undefined) changes.dueOn = input.dueOn;
  if (input.progress !== undefined) changes.progress = input.progress;
  const status = input.status ?? current.status;
  if (status !== current.status) {
    changes.status = status;
    changes.doneAt = status === 'done' ? new Date() : null;
  }
  if (status === 'dropped') {
    if (input.dropReason !== undefined) changes.dropReason = input.dropReason.trim();
    else if (current.status !== 'dropped') changes.dropReason = null;
  } else if (current.dropReason !== null) {
    changes.dropReason = null;
  }
  // A done milestone counts 100 whatever it said; stored so reopening starts from there.
  if (status === 'done') changes.progress = 100;
  return changes;
}
