import { Body, Controller, Get, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@eclore/domain';
import { ApiController, Endpoint, sendDownload } from '@eclore/server-platform';
import { Call, CallOn, CurrentActor } from '../access/permission.decorator';
import { AdminErasureService } from './erasure.service';
import { ErasePersonInput, ErasureResultDto, PersonalDataExportDto } from './personal-data.dto';
import { PersonalDataExportService } from './export.service';

@ApiController('profile', 'me/data-exports', 'personal_data.export_own')
export class PersonalDataExportController {
  constructor(private readonly exports: PersonalDataExportService) {}

  @Post()
  @Endpoint({
    operationId: 'requestMyDataExport',
    summary: 'Asks for an archive of everything the platform holds about me (built by the worker).',
    description: 'Answers the open request when one is already queued or building. Poll GET …/{id} for progress.',
    ok: PersonalDataExportDto,
    status: 202,
  })
  request(@Call() call: Call): Promise<PersonalDataExportDto> {
    return this.exports.request(call.actor, call.requestId);
  }

  @Get()
  @Endpoint({
    operationId: 'listMyDataExports',
    summary: 'My five most recent data exports, newest first.',
    ok: [PersonalDataExportDto],
  })
  list(@CurrentActor() actor: Actor): Promise<PersonalDataExportDto[]> {
    return this.exports.list(actor);
  }

  @Get(':id')
  @Endpoint({
    operationId: 'getMyDataExport',
    summary: 'Progress of one of my data exports.',
    ok: PersonalDataExportDto,
    errors: ['personal_data_export_not_found'],
    errorText: { 404: '`personal_data_export_not_found` (unknown, or not yours)' },
  })
  get(@CallOn() call: CallOn): Promise<PersonalDataExportDto> {
    return this.exports.get(call.actor, call.id);
  }

  @Get(':id/download')
  @ApiProduces('application/gzip')
  @Endpoint({
    operationId: 'downloadMyDataExport',
    summary: 'The archive (tar.gz: data.json and my attachments), for its owner only, until it expires.',
    ok: { description: 'The archive.', binary: true },
    errors: ['personal_data_export_not_found', 'personal_data_export_not_ready', 'personal_data_export_expired'],
    errorText: {
      404: '`personal_data_export_not_found` (unknown, or not yours)',
      409: '`personal_data_export_not_ready` or `personal_data_export_expired`',
    },
  })
  async download(@CallOn() call: CallOn, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.exports.download(call.actor, call.id, call.requestId);
    return sendDownload(
      res,
      { fileName: file.fileName, contentType: 'application/gzip', content: file.stream, sizeBytes: file.sizeBytes },
      'no-store',
    );
  }
}

@ApiTags('admin')
@Controller('admin/people')
export class PersonErasureController {
  constructor(private readonly erasure: AdminErasureService) {}

  @Post(':id/erase')
  @Endpoint({
    permission: 'person.erase',
    operationId: 'erasePerson',
    summary: 'Erases a person: identity removed, contributions kept under "former staff member". Not on yourself.',
    description:
      'Irreversible; idempotent (erasing an erased person changes nothing). What happens to each table: docs/personal-data.md.',
    ok: ErasureResultDto,
    errors: ['validation_failed', 'role_required', 'not_on_yourself', 'person_not_found'],
    errorText: {
      400: "`validation_failed` on `confirmName`: not the person's full name.",
      403: '`role_required` (admins only) or `not_on_yourself`',
    },
  })
  async erase(@CallOn() call: CallOn, @Body() input: ErasePersonInput): Promise<ErasureResultDto> {
    const outcome = await this.erasure.erase(call.actor, call.id, input.confirmName, call.requestId);
    return { personId: outcome.personId, erased: outcome.erased, erasedAt: outcome.erasedAt.toISOString() };
  }
}
