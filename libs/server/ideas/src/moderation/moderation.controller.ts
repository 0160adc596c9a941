import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@eclore/domain';
import { CurrentActor, RequirePermission } from '@eclore/server-identity';
import {
  CreateReportDto,
  HideDto,
  OpenReportDto,
  ReportCreatedDto,
  ReportIdParams,
  ReportResolvedDto,
} from './moderation.dto';
import { ModerationService } from './moderation.service';

@ApiTags('moderation')
@Controller()
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post('reports')
  @RequirePermission('content.report', { objectLevel: true })
  @ApiOperation({
    operationId: 'reportContent',
    summary: 'Report an idea or a comment to the network (once per person).',
  })
  @ApiCreatedResponse({ type: ReportCreatedDto })
  @ApiBadRequestResponse({ description: '`validation_failed` on `targetType`, `targetId` or `reason`.' })
  @ApiNotFoundResponse({ description: '`idea_not_found` / `comment_not_found`: no such content you may read.' })
  @ApiConflictResponse({ description: '`already_reported`.' })
  report(@Body() body: CreateReportDto, @CurrentActor() actor: Actor): Promise<ReportCreatedDto> {
    return this.moderation.report(body, actor);
  }

  @Get('moderation/reports')
  @RequirePermission('moderation.read')
  @ApiOperation({
    operationId: 'listOpenReports',
    summary: 'Open reports on content within the network member’s scope, oldest first.',
  })
  @ApiOkResponse({ type: [OpenReportDto] })
  @ApiForbiddenResponse({ description: '`role_required`: network members only.' })
  list(@CurrentActor() actor: Actor): Promise<OpenReportDto[]> {
    return this.moderation.openReports(actor);
  }

  @Post('moderation/reports/:id/hide')
  @HttpCode(200)
  @RequirePermission('moderation.resolve', { objectLevel: true })
  @ApiOperation({
    operationId: 'hideReportedContent',
    summary:
      'Hide the reported idea or comment with a reason; its author is told; all open reports on it are resolved.',
  })
  @ApiOkResponse({ type: ReportResolvedDto })
  @ApiForbiddenResponse({ description: '`role_required` or `out_of_scope`.' })
  @ApiNotFoundResponse({ description: '`report_not_found`.' })
  @ApiConflictResponse({ description: '`report_resolved`.' })
  hide(
    @Param() params: ReportIdParams,
    @Body() body: HideDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReportResolvedDto> {
    return this.moderation.hide(params.id, body.reason, actor);
  }

  @Post('moderation/reports/:id/dismiss')
  @HttpCode(200)
  @RequirePermission('moderation.resolve', { objectLevel: true })
  @ApiOperation({ operationId: 'dismissReport', summary: 'Dismiss a report: the content stays as it is.' })
  @ApiOkResponse({ type: ReportResolvedDto })
  @ApiForbiddenResponse({ description: '`role_required` or `out_of_scope`.' })
  @ApiNotFoundResponse({ description: '`report_not_found`.' })
  @ApiConflictResponse({ description: '`report_resolved`.' })
  dismiss(@Param() params: ReportIdParams, @CurrentActor() actor: Actor): Promise<ReportResolvedDto> {
    return this.moderation.dismiss(params.id, actor);
  }
}
