import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequestId, RequirePermission } from '@eclore/server-identity';
import { IdeaDto, IdParamDto } from '@eclore/server-ideas';
import {
  AssigneeParams,
  AssignInput,
  BulkReassignInput,
  BulkReassignResultDto,
  IdeaAssignmentsDto,
  NetworkQueueDto,
  NetworkQueueQuery,
  ReviewQueueDto,
  StartQualificationInput,
} from './routing.dto';
import { AssignmentsService } from './assignments.service';
import { AutoRoutingService } from './auto-routing.service';
import { BulkReassignService } from './bulk-reassign.service';
import { ReviewQueuesService } from './review-queues.service';

const NOT_FOUND = 'No such idea, or not one you may read.';

@ApiTags('qualification')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller()
export class RoutingController {
  constructor(
    private readonly autoRouting: AutoRoutingService,
    private readonly assigning: AssignmentsService,
    private readonly bulk: BulkReassignService,
    private readonly queues: ReviewQueuesService,
  ) {}

  @Post('ideas/:id/start-qualification')
  @HttpCode(200)
  @RequirePermission('idea.transition', { objectLevel: true })
  @ApiOperation({
    operationId: 'startQualification',
    summary:
      'A network member in scope starts qualifying a visible idea; reviewers are chosen automatically (scope, workload, delegates).',
  })
  @ApiOkResponse({ type: IdeaDto })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`.' })
  @ApiConflictResponse({ description: '`transition_not_allowed`, `stale_version`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  start(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: StartQualificationInput,
    @RequestId() requestId: string | null,
  ): Promise<IdeaDto> {
    return this.autoRouting.startQualification(actor, params.id, input.version, requestId);
  }

  @Get('ideas/:id/assignments')
  @RequirePermission('qualification.read_queue', { objectLevel: true })
  @ApiOperation({
    operationId: 'getIdeaAssignments',
    summary: 'The idea’s reviewers and who else could review it (network in scope).',
  })
  @ApiOkResponse({ type: IdeaAssignmentsDto })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  assignments(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<IdeaAssignmentsDto> {
    return this.assigning.ideaAssignments(actor, params.id);
  }

  @Post('ideas/:id/assignments')
  @HttpCode(200)
  @RequirePermission('qualification.assign', { objectLevel: true })
  @ApiOperation({
    operationId: 'assignReviewer',
    summary: 'Adds a reviewer to an idea in qualification, or replaces one (`replacePersonId`). Audited.',
  })
  @ApiOkResponse({ type: IdeaAssignmentsDto })
  @ApiBadRequestResponse({
    description: '`reviewer_not_eligible`, `reviewer_absent`, `not_assigned` naming the field.',
  })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`.' })
  @ApiConflictResponse({ description: '`not_in_qualification`, `already_assigned`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  assign(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() input: AssignInput,
    @RequestId() requestId: string | null,
  ): Promise<IdeaAssignmentsDto> {
    return this.assigning.assign(actor, params.id, input, requestId);
  }

  @Delete('ideas/:id/assignments/:personId')
  @RequirePermission('qualification.assign', { objectLevel: true })
  @ApiOperation({
    operationId: 'unassignReviewer',
    summary: 'Removes a reviewer from an idea in qualification. Audited.',
  })
  @ApiOkResponse({ type: IdeaAssignmentsDto })
  @ApiBadRequestResponse({ description: '`not_assigned`.' })
  @ApiForbiddenResponse({ description: '`role_required`, `out_of_scope`.' })
  @ApiConflictResponse({ description: '`not_in_qualification`.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  unassign(
    @CurrentActor() actor: Actor,
    @Param() params: AssigneeParams,
    @RequestId() requestId: string | null,
  ): Promise<IdeaAssignmentsDto> {
    return this.assigning.unassign(actor, params.id, params.personId, requestId);
  }

  @Post('assignments/reassign')
  @HttpCode(200)
  @RequirePermission('qualification.assign')
  @ApiOperation({
    operationId: 'bulkReassign',
    summary:
      'Moves a member’s open assignments (all those your scope covers, or the selected ones) to another member; ineligible ones are skipped and listed.',
  })
  @ApiOkResponse({ type: BulkReassignResultDto })
  @ApiBadRequestResponse({
    description: '`same_person`, `unknown_assignment`, `reviewer_not_eligible` naming the field.',
  })
  @ApiForbiddenResponse({
    description: '`role_required`; `out_of_scope` for a selected assignment outside your scope.',
  })
  bulkReassign(
    @CurrentActor() actor: Actor,
    @Body() input: BulkReassignInput,
    @RequestId() requestId: string | null,
  ): Promise<BulkReassignResultDto> {
    return this.bulk.bulkReassign(actor, input, requestId);
  }

  @Get('me/review-queue')
  @RequirePermission('qualification.read_queue')
  @ApiOperation({
    operationId: 'getMyReviewQueue',
    summary: 'The network member’s review queue: to review, overdue, done.',
  })
  @ApiOkResponse({ type: ReviewQueueDto })
  @ApiForbiddenResponse({ description: 'Network members only (`role_required`).' })
  myQueue(@CurrentActor() actor: Actor): Promise<ReviewQueueDto> {
    return this.queues.myQueue(actor);
  }

  @Get('review-queue/network')
  @RequirePermission('qualification.read_queue')
  @ApiOperation({
    operationId: 'getNetworkReviewQueue',
    summary: 'Open assignments and unrouted ideas within your scope, with every member’s workload (for reassignment).',
  })
  @ApiOkResponse({ type: NetworkQueueDto })
  @ApiForbiddenResponse({ description: 'Network members only (`role_required`).' })
  networkQueue(@CurrentActor() actor: Actor, @Query() query: NetworkQueueQuery): Promise<NetworkQueueDto> {
    return this.queues.networkQueue(actor, query.personId);
  }
}
