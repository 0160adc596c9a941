import { Body, Delete, Get, Param, Post } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { ActorOn, CurrentActor } from '@eclore/server-identity';
import { IdeaDto } from '@eclore/server-ideas';
import { ApiController, Endpoint, RequestId } from '@eclore/server-platform';
import { VersionInput } from '@eclore/server-ideas';
import { AssigneeParams, AssignInput, IdeaAssignmentsDto } from './routing.dto';
import { AssignmentsService } from './assignments.service';
import { AutoRoutingService } from './auto-routing.service';

const NOT_FOUND = 'No such idea, or not one you may read.';
const FORBIDDEN = '`role_required`, `out_of_scope`.';

/** One idea's routing: starting qualification (automatic reviewers) and its reviewers by hand. */
@ApiController('qualification', 'ideas/:id')
export class RoutingController {
  constructor(
    private readonly autoRouting: AutoRoutingService,
    private readonly assigning: AssignmentsService,
  ) {}

  @Post('start-qualification')
  @Endpoint({
    permission: { action: 'idea.transition', objectLevel: true },
    operationId: 'startQualification',
    summary:
      'A network member in scope starts qualifying a visible idea; reviewers are chosen automatically (scope, workload, delegates).',
    ok: IdeaDto,
    errors: ['role_required', 'out_of_scope', 'transition_not_allowed', 'stale_version', 'idea_not_found'],
    errorText: { 403: FORBIDDEN, 409: '`transition_not_allowed`, `stale_version`.', 404: NOT_FOUND },
  })
  start(@ActorOn() on: ActorOn, @Body() input: VersionInput, @RequestId() requestId: string | null): Promise<IdeaDto> {
    return this.autoRouting.startQualification(on.actor, on.id, input.version, requestId);
  }

  @Get('assignments')
  @Endpoint({
    permission: { action: 'qualification.read_queue', objectLevel: true },
    operationId: 'getIdeaAssignments',
    summary: 'The idea’s reviewers and who else could review it (network in scope).',
    ok: IdeaAssignmentsDto,
    errors: ['role_required', 'out_of_scope', 'idea_not_found'],
    errorText: { 403: FORBIDDEN, 404: NOT_FOUND },
  })
  assignments(@ActorOn() on: ActorOn): Promise<IdeaAssignmentsDto> {
    return this.assigning.ideaAssignments(on.actor, on.id);
  }

  @Post('assignments')
  @Endpoint({
    permission: { action: 'qualification.assign', objectLevel: true },
    operationId: 'assignReviewer',
    summary: 'Adds a reviewer to an idea in qualification, or replaces one (`replacePersonId`). Audited.',
    ok: IdeaAssignmentsDto,
    errors: [
      'validation_failed',
      'role_required',
      'out_of_scope',
      'not_in_qualification',
      'already_assigned',
      'idea_not_found',
    ],
    errorText: {
      400: '`reviewer_not_eligible`, `reviewer_absent`, `not_assigned` naming the field.',
      403: FORBIDDEN,
      409: '`not_in_qualification`, `already_assigned`.',
      404: NOT_FOUND,
    },
  })
  assign(
    @ActorOn() on: ActorOn,
    @Body() input: AssignInput,
    @RequestId() requestId: string | null,
  ): Promise<IdeaAssignmentsDto> {
    return this.assigning.assign(on.actor, on.id, input, requestId);
  }

  @Delete('assignments/:personId')
  @Endpoint({
    permission: { action: 'qualification.assign', objectLevel: true },
    operationId: 'unassignReviewer',
    summary: 'Removes a reviewer from an idea in qualification. Audited.',
    ok: IdeaAssignmentsDto,
    errors: ['validation_failed', 'role_required', 'out_of_scope', 'not_in_qualification', 'idea_not_found'],
    errorText: { 400: '`not_assigned`.', 403: FORBIDDEN, 409: '`not_in_qualification`.', 404: NOT_FOUND },
  })
  unassign(
    @CurrentActor() actor: Actor,
    @Param() params: AssigneeParams,
    @RequestId() requestId: string | null,
  ): Promise<IdeaAssignmentsDto> {
    return this.assigning.unassign(actor, params.id, params.personId, requestId);
  }
}
