import { Body, Get, Param, Put, Query } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { Call, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import {
  CharterDto,
  CharterInputsYearDto,
  CharterInputsYearQuery,
  CharterYearParam,
  SetCharterInput,
  SetCharterInputsInput,
} from './charter.dto';
import { CharterService } from './charter.service';

@ApiController('recognition', 'recognition')
export class CharterController {
  constructor(private readonly charter: CharterService) {}

  @Get('charter')
  @Endpoint({
    permission: 'charter.read',
    operationId: 'getCharter',
    summary: 'The charter’s commitments in force, with their indicators, and their earlier versions.',
    ok: CharterDto,
    errors: ['unauthenticated', 'role_required'],
  })
  read(@CurrentActor() actor: Actor): Promise<CharterDto> {
    return this.charter.read(actor);
  }

  @Put('charter')
  @Endpoint({
    permission: 'charter.manage',
    operationId: 'setCharter',
    summary: 'Rename, reorder, add or retire commitments (HR and admins); every earlier version is kept.',
    ok: CharterDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required'],
    errorText: {
      400: 'Fewer than 1 or more than 20 commitments, or a commitment’s `key`, `title.fr`, `title.en` or `indicators` invalid (named).',
    },
  })
  set(@Call() call: Call, @Body() input: SetCharterInput): Promise<CharterDto> {
    return this.charter.set(call.actor, input, call.requestId);
  }

  @Get('charter-inputs')
  @Endpoint({
    permission: 'charter.read',
    operationId: 'getCharterInputs',
    summary: 'HR’s inputs for a year (people trained, communication actions, celebrations, budget) and their history.',
    ok: CharterInputsYearDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required'],
    errorText: { 400: '`year` not from 2000 to the current year.' },
  })
  inputs(@CurrentActor() actor: Actor, @Query() query: CharterInputsYearQuery): Promise<CharterInputsYearDto> {
    return this.charter.inputs(actor, query.year);
  }

  @Put('charter-inputs/:year')
  @Endpoint({
    permission: 'charter.manage',
    operationId: 'setCharterInputs',
    summary: 'Enter or correct HR’s inputs for a year (the earlier entry is kept in the history; audited).',
    ok: CharterInputsYearDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required'],
    errorText: {
      400: 'A value out of range, named: `peopleTrained`, `communicationActions`, `celebrationsHeld`, `budget`, or `year`.',
    },
  })
  setInputs(
    @Call() call: Call,
    @Param() params: CharterYearParam,
    @Body() input: SetCharterInputsInput,
  ): Promise<CharterInputsYearDto> {
    return this.charter.setInputs(call.actor, params.year, input, call.requestId);
  }
}
