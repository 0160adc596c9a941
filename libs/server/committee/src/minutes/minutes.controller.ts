import { Get, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { CallOn } from '@eclore/server-identity';
import { ApiController, Endpoint, sendDownload } from '@eclore/server-platform';
import { MinutesService } from './minutes.service';

@ApiController('committee', 'committee')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Get('sessions/:id/minutes.pdf')
  @ApiProduces('application/pdf')
  @Endpoint({
    permission: 'committee.read',
    operationId: 'downloadSessionMinutes',
    summary:
      'The session’s minutes as a PDF in the session’s language: date, members present, each item’s decision and rationale.',
    ok: { description: 'The PDF.', binary: true },
    errors: ['role_required', 'committee_session_not_found'],
    errorText: { 403: 'Committee members only.', 404: '`committee_session_not_found`.' },
  })
  async download(@CallOn() call: CallOn, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.minutes.pdf(call.actor, call.id);
    return sendDownload(res, { fileName: file.filename, contentType: 'application/pdf', content: file.content });
  }
}
