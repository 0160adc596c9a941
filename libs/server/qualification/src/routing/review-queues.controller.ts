import { Body, Get, Post, Query } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { Call, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import {
  BulkReassignInput,
  BulkReassignResultDto,
  NetworkQueueDto,
  NetworkQueueQuery,
  ReviewQueueDto,
} from './routing.dto';
import { BulkReassignService } from './bulk-reassign.service';
import { ReviewQueuesService } from './review-queues.service';

const NETWORK_ONLY = 'Network members only (`role_required`).';

/** Moving a member's open assignments to another member. */
@ApiController('qualification', 'assignments')
export class BulkReassignController {
  constructor(private readonly bulk: BulkReassignService) {}

  @Post('reassign')
  @Endpoint({
    permission: 'qualification.assign',
    operationId: 'bulkReassign',
    summary:
      'Moves a member’s open assignments (all those your scope covers, or the selected ones) to another member; ineligible ones are skipped and listed.',
    ok: BulkReassignResultDto,
    errors: ['validation_failed', 'role_required', 'out_of_scope'],
    errorText: {
      400: '`same_person`, `unknown_assignment`, `reviewer_not_eligible` naming the field.',
      403: '`role_required`; `out_of_scope` for a selected assignment outside your scope.',
    },
  })
  bulkReassign(@Call() call: Call, @Body() input: BulkReassignInput): Promise<BulkReassignResultDto> {
    return this.bulk.bulkReassign(call.actor, input, call.requestId);
  }
}

/** The signed-in network member's own review queue. */
@ApiController('qualification', 'me/review-queue')
export class MyReviewQueueController {
  constructor(private readonly queues: ReviewQueuesService) {}

  @Get()
  @Endpoint({
    permission: 'qualification.read_queue',
    operationId: 'getMyReviewQueue',
    summary: 'The network member’s review queue: to review, overdue, done.',
    ok: ReviewQueueDto,
    errors: ['role_required'],
    errorText: { 403: NETWORK_ONLY },
  })
  myQueue(@CurrentActor() actor: Actor): Promise<ReviewQueueDto> {
    return this.queues.myQueue(actor);
  }
}

/** The network-wide queue within the actor's scope. */
@ApiController('qualification', 'review-queue')
export class NetworkReviewQueueController {
  constructor(private readonly queues: ReviewQueuesService) {}

  @Get('network')
  @Endpoint({
    permission: 'qualification.read_queue',
    operationId: 'getNetworkReviewQueue',
    summary: 'Open assignments and unrouted ideas within your scope, with every member’s workload (for reassignment).',
    ok: NetworkQueueDto,
    errors: ['role_required'],
    errorText: { 403: NETWORK_ONLY },
  })
  networkQueue(@CurrentActor() actor: Actor, @Query() query: NetworkQueueQuery): Promise<NetworkQueueDto> {
    return this.queues.networkQueue(actor, query.personId);
  }
}
