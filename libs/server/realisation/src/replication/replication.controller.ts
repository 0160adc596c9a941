import { Body, Get, Post } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { CallOn } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { AdoptInput, AdoptionDto, LineageDto } from './replication.dto';
import { ReplicationService } from './replication.service';

/** Replication (essaimage): adopting an implemented idea in another unit, and the lineage. */
@ApiNotFoundResponse({ description: 'No such idea, or not one you may read.' })
@ApiController('realisation', 'ideas/:id')
export class ReplicationController {
  constructor(private readonly replication: ReplicationService) {}

  @Get('lineage')
  @Endpoint({
    permission: { action: 'realisation.read', objectLevel: true },
    operationId: 'getIdeaLineage',
    summary: 'Where the idea was adopted from (with the original authors’ credit) and the units that adopted it.',
    ok: LineageDto,
  })
  lineage(@CallOn() call: CallOn): Promise<LineageDto> {
    return this.replication.lineage(call.actor, call.id);
  }

  @Post('replications')
  @Endpoint({
    permission: { action: 'replication.request', objectLevel: true },
    operationId: 'adoptIdea',
    summary: 'Adopt it in my unit: a child idea in the unit, in implement, with its own project and owner.',
    ok: AdoptionDto,
    status: 201,
    errors: [
      'validation_failed',
      'role_required',
      'out_of_scope',
      'not_implemented',
      'no_project',
      'replication_exists',
    ],
    errorText: {
      400: '`orgUnitId` (unknown_unit, same_unit), `ownerId` (unknown_person), `startsOn`.',
      403: '`role_required`, `out_of_scope` (a network member whose scope covers the adopting unit).',
      409: '`not_implemented` (not in follow-up or closed), `no_project`, `replication_exists` (this unit adopted it already).',
    },
  })
  adopt(@CallOn() call: CallOn, @Body() input: AdoptInput): Promise<AdoptionDto> {
    return this.replication.adopt(call.actor, call.id, input);
  }
}
