import { Body, Delete, Get, Post } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { Call, CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { AbsenceDto, CreateAbsenceInput } from './absences.dto';
import { AbsencesService } from './absences.service';

@ApiForbiddenResponse({ description: 'Network members only (`role_required`).' })
@ApiController('qualification', 'me/absences', 'network.absence_own')
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  @Get()
  @Endpoint({
    operationId: 'listMyAbsences',
    summary: 'Your current and coming absences, with their delegate.',
    ok: [AbsenceDto],
  })
  list(@CurrentActor() actor: Actor): Promise<AbsenceDto[]> {
    return this.absences.list(actor);
  }

  @Post()
  @Endpoint({
    operationId: 'createMyAbsence',
    summary: 'Declares an absence period and the delegate who takes your new reviews meanwhile. Audited.',
    ok: [AbsenceDto],
    status: 201,
    errors: ['validation_failed'],
    errorText: { 400: '`before_start`, `must_be_future`, `not_network_member` naming the field.' },
  })
  create(@Call() call: Call, @Body() input: CreateAbsenceInput): Promise<AbsenceDto[]> {
    return this.absences.create(call.actor, input, call.requestId);
  }

  @Delete(':id')
  @Endpoint({
    operationId: 'deleteMyAbsence',
    summary: 'Cancels one of your absences. Audited.',
    ok: 'noContent',
    errors: ['absence_not_found'],
    errorText: { 404: 'Not one of your absences.' },
  })
  remove(@CallOn() call: CallOn): Promise<void> {
    return this.absences.remove(call.actor, call.id, call.requestId);
  }
}
