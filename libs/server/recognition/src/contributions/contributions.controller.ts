import { Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@eclore/domain';
import { CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, sendDownload } from '@eclore/server-platform';
import { ContributionsPdfQuery, MyContributionsDto } from './contributions.dto';
import { ContributionsService } from './contributions.service';

@ApiController('recognition', 'me', { action: 'contribution.read_own' })
export class ContributionsController {
  constructor(private readonly contributions: ContributionsService) {}

  @Get('contributions')
  @Endpoint({
    operationId: 'listMyContributions',
    summary: 'My contributions: every act of mine recorded in the ledger, with totals by kind.',
    description: 'Includes the caller’s anonymous contributions, which no one else ever sees with their name.',
    ok: MyContributionsDto,
    errors: ['unauthenticated'],
  })
  mine(@CurrentActor() actor: Actor): Promise<MyContributionsDto> {
    return this.contributions.mine(actor);
  }

  @Get('contributions.pdf')
  @ApiProduces('application/pdf')
  @Endpoint({
    operationId: 'downloadMyContributions',
    summary: 'My contributions as a PDF for my annual review, in French or English.',
    description:
      'The caller’s own ledger (totals by kind and the entries, most recent first), their anonymous ' +
      'contributions included and marked so; in `lang`, else the person’s preferred language, else French.',
    ok: { description: 'The PDF.', binary: true },
    errors: ['validation_failed', 'unauthenticated'],
    errorText: { 400: '`lang` is not `fr` or `en`.' },
  })
  async pdf(
    @CurrentActor() actor: Actor,
    @Query() query: ContributionsPdfQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.contributions.pdf(actor, query.lang ?? null);
    return sendDownload(
      res,
      { fileName: file.filename, contentType: 'application/pdf', content: file.content },
      'no-store',
    );
  }
}
