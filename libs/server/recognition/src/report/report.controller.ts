import { Get, Query } from '@nestjs/common';
import type { Actor } from '@eclore/domain';
import { CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint } from '@eclore/server-platform';
import { AnnualFiguresService } from './annual-figures.service';
import { AnnualFiguresDto, AnnualFiguresQuery } from './report.dto';

@ApiController('recognition', 'recognition')
export class ReportController {
  constructor(private readonly figures: AnnualFiguresService) {}

  @Get('annual-figures')
  @Endpoint({
    permission: { action: 'annual_report.read', objectLevel: true },
    operationId: 'getAnnualFigures',
    summary: 'The annual report’s figures for a year, for the organisation or an org unit with its sub-units.',
    description:
      'The same figures as the report and the HR dashboard (docs/recognition.md §5); every breakdown is ' +
      'suppressed so that no figure covers fewer than 5 people (§6).',
    ok: AnnualFiguresDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required', 'out_of_scope'],
    errorText: { 400: '`year` not from 2000 to the current year, or `orgUnitId` not a known org unit.' },
  })
  read(@CurrentActor() actor: Actor, @Query() query: AnnualFiguresQuery): Promise<AnnualFiguresDto> {
    return this.figures.figures(actor, query.year, query.orgUnitId ?? null);
  }
}
