import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CallOn, CurrentActor } from '@eclore/server-identity';
import { Endpoint } from '@eclore/server-platform';
import { CreateReportDto, HideDto, OpenReportDto, ReportCreatedDto, ReportResolvedDto } from './moderation.dto';
import { ModerationService } from './moderation.service';

/** Anyone signed in reports content to the network. */
@ApiTags('moderation')
@Controller('reports')
export class ReportsController {
  constructor(private readonly moderation: ModerationService) {}

  @Post()
  @Endpoint({
    permission: { action: 'content.report', objectLevel: true },
    operationId: 'reportContent',
    summary: 'Report an idea or a comment to the network (once per person).',
    ok: ReportCreatedDto,
    status: 201,
    errors: ['validation_failed', 'idea_not_found', 'comment_not_found', 'already_reported'],
    errorText: {
      400: '`validation_failed` on `targetType`, `targetId` or `reason`.',
      404: '`idea_not_found` / `comment_not_found`: no such content you may read.',
      409: '`already_reported`.',
    },
  })
  report(@Body() body: CreateReportDto, @CurrentActor() actor: Actor): Promise<ReportCreatedDto> {
    return this.moderation.report(body, actor);
  }
}

const RESOLVE_ENDPOINT = {
  permission: { action: 'moderation.resolve', objectLevel: true },
  ok: ReportResolvedDto,
  errors: ['role_required', 'out_of_scope', 'report_not_found', 'report_resolved'],
  errorText: { 403: '`role_required` or `out_of_scope`.', 404: '`report_not_found`.', 409: '`report_resolved`.' },
} as const;

/** The network's moderation queue: hide the reported content or dismiss the report. */
@ApiTags('moderation')
@Controller('moderation/reports')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Get()
  @Endpoint({
    permission: 'moderation.read',
    operationId: 'listOpenReports',
    summary: 'Open reports on content within the network member’s scope, oldest first.',
    ok: [OpenReportDto],
    errors: ['role_required'],
    errorText: { 403: '`role_required`: network members only.' },
  })
  list(@CurrentActor() actor: Actor): Promise<OpenReportDto[]> {
    return this.moderation.openReports(actor);
  }

  @Post(':id/hide')
  @Endpoint({
    ...RESOLVE_ENDPOINT,
    operationId: 'hideReportedContent',
    summary:
      'Hide the reported idea or comment with a reason; its author is told; all open reports on it are resolved.',
  })
  hide(@CallOn() call: CallOn, @Body() body: HideDto): Promise<ReportResolvedDto> {
    return this.moderation.hide(call.id, body.reason, call.actor);
  }

  @Post(':id/dismiss')
  @Endpoint({
    ...RESOLVE_ENDPOINT,
    operationId: 'dismissReport',
    summary: 'Dismiss a report: the content stays as it is.',
  })
  dismiss(@CallOn() call: CallOn): Promise<ReportResolvedDto> {
    return this.moderation.dismiss(call.id, call.actor);
  }
}
