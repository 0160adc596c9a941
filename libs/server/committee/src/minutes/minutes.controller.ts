import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import {
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
import { CurrentActor, RequirePermission } from '@eclore/server-identity';
import { SessionIdParams } from '../sessions/sessions.dto';
import { MinutesService } from './minutes.service';

@ApiTags('committee')
@ApiUnauthorizedResponse({ description: 'Not signed in.' })
@Controller('committee')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Get('sessions/:id/minutes.pdf')
  @RequirePermission('committee.read')
  @ApiProduces('application/pdf')
  @ApiOperation({
    operationId: 'downloadSessionMinutes',
    summary:
      'The session’s minutes as a PDF in the session’s language: date, members present, each item’s decision and rationale.',
  })
  @ApiOkResponse({ description: 'The PDF.', schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ description: 'Committee members only.' })
  @ApiNotFoundResponse({ description: '`committee_session_not_found`.' })
  async download(
    @CurrentActor() actor: Actor,
    @Param() params: SessionIdParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.minutes.pdf(actor, params.id);
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-cache',
    });
    return new StreamableFile(file.content);
  }
}
