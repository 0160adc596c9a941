import { Body, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, type EndpointPreset } from '@eclore/server-platform';
import {
  ChangeOwnerInput,
  CreateBudgetLineInput,
  CreateMilestoneInput,
  CreateProjectInput,
  CreateUpdateInput,
  DeleteMilestoneQuery,
  MilestoneParams,
  ProjectViewDto,
  UpdateMilestoneInput,
  UpdateProjectInput,
} from './project.dto';
import { MilestoneCommandsService } from './milestone-commands.service';
import { ProjectCommandsService } from './project-commands.service';
import { ProjectQueriesService } from './project-queries.service';

const MANAGE_403 = '`role_required`, `out_of_scope` (the owner, the idea team or the network in scope).';
const MANAGE_409 = '`no_project` (name the owner first), `project_not_open` (gone live).';
/** Naming the owner (which starts the project) and changing it: the network or committee in scope. */
const ASSIGN_OWNER: EndpointPreset = {
  permission: { action: 'project.assign_owner', objectLevel: true },
  errors: ['validation_failed', 'role_required', 'out_of_scope'],
};
/** Managing the open project: the owner, the idea team or the network in scope. */
const MANAGE: EndpointPreset = {
  permission: { action: 'project.manage', objectLevel: true },
  errors: ['role_required', 'out_of_scope', 'no_project', 'project_not_open'],
};

/** The implementation project of an idea (mise en œuvre, docs/realisation.md §3). */
@ApiNotFoundResponse({ description: 'No such idea, or not one you may read.' })
@ApiController('realisation', 'ideas/:id')
export class ProjectController {
  constructor(
    private readonly queries: ProjectQueriesService,
    private readonly commands: ProjectCommandsService,
    private readonly milestones: MilestoneCommandsService,
  ) {}

  private view(actor: Actor, id: string): Promise<ProjectViewDto> {
    return this.queries.view(actor, id);
  }

  @Get('project')
  @Endpoint({
    permission: { action: 'realisation.read', objectLevel: true },
    operationId: 'getIdeaProject',
    summary: 'The project: owner, team, milestones, progress and status computed by the domain, budget, updates.',
    ok: ProjectViewDto,
  })
  get(@CallOn() call: CallOn): Promise<ProjectViewDto> {
    return this.view(call.actor, call.id);
  }

  @Post('project')
  @Endpoint(ASSIGN_OWNER, {
    operationId: 'createIdeaProject',
    summary: 'Names the owner of an idea in implement, which starts its project (the network or committee in scope).',
    ok: ProjectViewDto,
    status: 201,
    errors: ['project_exists', 'project_not_open'],
    errorText: { 400: '`ownerId`, `startsOn`, `budgetPlanned`.', 409: '`project_exists`, `project_not_open`.' },
  })
  async create(@CallOn() call: CallOn, @Body() input: CreateProjectInput): Promise<ProjectViewDto> {
    await this.commands.create(call.actor, call.id, input);
    return this.view(call.actor, call.id);
  }

  @Put('project/owner')
  @Endpoint(ASSIGN_OWNER, {
    operationId: 'changeIdeaProjectOwner',
    summary: 'Changes the project’s owner (the network or committee in scope).',
    ok: ProjectViewDto,
    errors: ['project_not_found', 'project_not_open'],
  })
  async changeOwner(@CallOn() call: CallOn, @Body() input: ChangeOwnerInput): Promise<ProjectViewDto> {
    await this.commands.changeOwner(call.actor, call.id, input);
    return this.view(call.actor, call.id);
  }

  @Patch('project')
  @Endpoint(MANAGE, {
    operationId: 'updateIdeaProject',
    summary: 'Changes the planned budget.',
    ok: ProjectViewDto,
    errors: ['validation_failed'],
    errorText: { 403: MANAGE_403, 409: MANAGE_409 },
  })
  async update(@CallOn() call: CallOn, @Body() input: UpdateProjectInput): Promise<ProjectViewDto> {
    await this.commands.updatePlan(call.actor, call.id, input);
    return this.view(call.actor, call.id);
  }

  @Post('project/milestones')
  @Endpoint(MANAGE, {
    operationId: 'createMilestone',
    summary: 'Adds a milestone (title, weight 1–100, due day not before the start).',
    ok: ProjectViewDto,
    status: 201,
    errors: ['validation_failed'],
    errorText: { 400: '`title`, `weight`, `dueOn` (before_start), `progress`.', 403: MANAGE_403, 409: MANAGE_409 },
  })
  async addMilestone(@CallOn() call: CallOn, @Body() input: CreateMilestoneInput): Promise<ProjectViewDto> {
    await this.milestones.create(call.actor, call.id, input);
    return this.view(call.actor, call.id);
  }

  @Patch('project/milestones/:milestoneId')
  @Endpoint(MANAGE, {
    operationId: 'updateMilestone',
    summary: 'Edits a milestone (progress, done, dropped with a reason…) naming the version read.',
    ok: ProjectViewDto,
    errors: ['validation_failed', 'milestone_not_found', 'stale_version'],
    errorText: { 403: MANAGE_403, 409: `\`stale_version\` (someone else changed it: reload), ${MANAGE_409}` },
  })
  async editMilestone(
    @CurrentActor() actor: Actor,
    @Param() p: MilestoneParams,
    @Body() input: UpdateMilestoneInput,
  ): Promise<ProjectViewDto> {
    await this.milestones.update(actor, p.id, p.milestoneId, input);
    return this.view(actor, p.id);
  }

  @Delete('project/milestones/:milestoneId')
  @Endpoint(MANAGE, {
    operationId: 'deleteMilestone',
    summary: 'Removes a milestone (version read in `?version=`); drop it with a reason to keep it visible.',
    ok: ProjectViewDto,
    errors: ['milestone_not_found', 'stale_version'],
  })
  async deleteMilestone(
    @CurrentActor() actor: Actor,
    @Param() p: MilestoneParams,
    @Query() q: DeleteMilestoneQuery,
  ): Promise<ProjectViewDto> {
    await this.milestones.remove(actor, p.id, p.milestoneId, q.version);
    return this.view(actor, p.id);
  }

  @Post('project/updates')
  @Endpoint(MANAGE, {
    operationId: 'addProjectUpdate',
    summary: 'Adds a dated update (rich text, sanitised) to the project’s timeline.',
    ok: ProjectViewDto,
    status: 201,
    errors: ['validation_failed'],
  })
  async addUpdate(@CallOn() call: CallOn, @Body() input: CreateUpdateInput): Promise<ProjectViewDto> {
    await this.commands.addUpdate(call.actor, call.id, input);
    return this.view(call.actor, call.id);
  }

  @Post('project/budget-lines')
  @Endpoint(MANAGE, {
    operationId: 'addBudgetLine',
    summary: 'Records an amount spent.',
    ok: ProjectViewDto,
    status: 201,
    errors: ['validation_failed'],
  })
  async addBudgetLine(@CallOn() call: CallOn, @Body() input: CreateBudgetLineInput): Promise<ProjectViewDto> {
    await this.commands.addBudgetLine(call.actor, call.id, input);
    return this.view(call.actor, call.id);
  }
}
