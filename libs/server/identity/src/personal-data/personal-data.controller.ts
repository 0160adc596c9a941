import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '../access/permission.decorator';
import { RequestId } from '../roles/request-id';
import { PersonIdParams } from '../roles/roles-admin.dto';
import { AdminErasureService } from './erasure.service';
import { ExportIdParams, ErasePersonInput, ErasureResultDto, PersonalDataExportDto } from './personal-data.dto';
import { PersonalDataExportService } from './export.service';

@ApiTags('profile')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller('me/data-exports')
export class PersonalDataExportController {
  constructor(private readonly exports: PersonalDataExportService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('personal_data.export_own')
  @ApiOperation({
    operationId: 'requestMyDataExport',
    summary: 'Asks for an archive of everything the platform holds about me (built by the worker).',
    description: 'Answers the open request when one is already queued or building. Poll GET …/{id} for progress.',
  })
  @ApiAcceptedResponse({ type: PersonalDataExportDto })
  request(@CurrentActor() actor: Actor, @RequestId() requestId: string | null): Promise<PersonalDataExportDto> {
    return this.exports.request(actor, requestId);
  }

  @Get()
  @RequirePermission('personal_data.export_own')
  @ApiOperation({ operationId: 'listMyDataExports', summary: 'My five most recent data exports, newest first.' })
  @ApiOkResponse({ type: [PersonalDataExportDto] })
  list(@CurrentActor() actor: Actor): Promise<PersonalDataExportDto[]> {
    return this.exports.list(actor);
  }

  @Get(':id')
  @RequirePermission('personal_data.export_own')
  @ApiOperation({ operationId: 'getMyDataExport', summary: 'Progress of one of my data exports.' })
  @ApiOkResponse({ type: PersonalDataExportDto })
  @ApiNotFoundResponse({ description: '`personal_data_export_not_found` (unknown, or not yours)' })
  get(@CurrentActor() actor: Actor, @Param() params: ExportIdParams): Promise<PersonalDataExportDto> {
    return this.exports.get(actor, params.id);
  }

  @Get(':id/download')
  @RequirePermission('personal_data.export_own')
  @ApiProduces('application/gzip')
  @ApiOperation({
    operationId: 'downloadMyDataExport',
    summary: 'The archive (tar.gz: data.json and my attachments), for its owner only, until it expires.',
  })
  @ApiOkResponse({ description: 'The archive.', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: '`personal_data_export_not_found` (unknown, or not yours)' })
  @ApiConflictResponse({ description: '`personal_data_export_not_ready` or `personal_data_export_expired`' })
  async download(
    @CurrentActor() actor: Actor,
    @Param() params: ExportIdParams,
    @RequestId() requestId: string | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.exports.download(actor, params.id, requestId);
    res.set({
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Type': 'application/gzip',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    return new StreamableFile(file.stream, file.sizeBytes === null ? {} : { length: file.sizeBytes });
  }
}

@ApiTags('admin')
@Controller('admin/people')
export class PersonErasureController {
  constructor(private readonly erasure: AdminErasureService) {}

  @Post(':id/erase')
  @HttpCode(200)
  @RequirePermission('person.erase')
  @ApiOperation({
    operationId: 'erasePerson',
    summary: 'Erases a person: identity removed, contributions kept under "former staff member". Not on yourself.',
    description:
      'Irreversible; idempotent (erasing an erased person changes nothing). What happens to each table: docs/personal-data.md.',
  })
  @ApiOkResponse({ type: ErasureResultDto })
  @ApiBadRequestResponse({ description: "`validation_failed` on `confirmName`: not the person's full name." })
  @ApiForbiddenResponse({ description: '`role_required` (admins only) or `not_on_yourself`' })
  @ApiNotFoundResponse({ description: '`person_not_found`' })
  async erase(
    @CurrentActor() actor: Actor,
    @Param() params: PersonIdParams,
    @Body() input: ErasePersonInput,
    @RequestId() requestId: string | null,
  ): Promise<ErasureResultDto> {
    const outcome = await this.erasure.erase(actor, params.id, input.confirmName, requestId);
    return { personId: outcome.personId, erased: outcome.erased, erasedAt: outcome.erasedAt.toISOString() };
  }
}
