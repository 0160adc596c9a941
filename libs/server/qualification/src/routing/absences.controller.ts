import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequestId, RequirePermission } from '@eclore/server-identity';
import { IdParamDto } from '@eclore/server-ideas';
import { AbsenceDto, CreateAbsenceInput } from './absences.dto';
import { AbsencesService } from './absences.service';

@ApiTags('qualification')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@ApiForbiddenResponse({ description: 'Network members only (`role_required`).' })
@Controller('me/absences')
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  @Get()
  @RequirePermission('network.absence_own')
  @ApiOperation({ operationId: 'listMyAbsences', summary: 'Your current and coming absences, with their delegate.' })
  @ApiOkResponse({ type: [AbsenceDto] })
  list(@CurrentActor() actor: Actor): Promise<AbsenceDto[]> {
    return this.absences.list(actor);
  }

  @Post()
  @RequirePermission('network.absence_own')
  @ApiOperation({
    operationId: 'createMyAbsence',
    summary: 'Declares an absence period and the delegate who takes your new reviews meanwhile. Audited.',
  })
  @ApiCreatedResponse({ type: [AbsenceDto] })
  @ApiBadRequestResponse({ description: '`before_start`, `must_be_future`, `not_network_member` naming the field.' })
  create(
    @CurrentActor() actor: Actor,
    @Body() input: CreateAbsenceInput,
    @RequestId() requestId: string | null,
  ): Promise<AbsenceDto[]> {
    return this.absences.create(actor, input, requestId);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('network.absence_own')
  @ApiOperation({ operationId: 'deleteMyAbsence', summary: 'Cancels one of your absences. Audited.' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Not one of your absences.' })
  remove(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @RequestId() requestId: string | null,
  ): Promise<void> {
    return this.absences.remove(actor, params.id, requestId);
  }
}
