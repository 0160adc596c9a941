import { Body, Delete, Get, Param, Post } from '@nestjs/common';
import { Call, CallOn } from '@eclore/server-identity';
import { IdeaDto } from '@eclore/server-ideas';
import { ApiController, Endpoint } from '@eclore/server-platform';
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
  start(@CallOn() call: CallOn, @Body() input: VersionInput): Promise<IdeaDto> {
    return this.autoRouting.startQualification(call.actor, call.id, input.version, call.requestId);
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
  assignments(@CallOn() call: CallOn): Promise<IdeaAssignmentsDto> {
    return this.assigning.ideaAssignments(call.actor, call.id);
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
  assign(@CallOn() call: CallOn, @Body() input: AssignInput): Promise<IdeaAssignmentsDto> {
    return this.assigning.assign(call.actor, call.id, input, call.requestId);
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
  unassign(@Call() call: Call, @Param() params: AssigneeParams): Promise<IdeaAssignmentsDto> {
    return this.assigning.unassign(call.actor, params.id, params.personId, call.requestId);
  }
}
