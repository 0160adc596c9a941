import { Body, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@eclore/domain';
import { Call, CallOn, CurrentActor } from '@eclore/server-identity';
import { ApiController, Endpoint, sendDownload } from '@eclore/server-platform';
import {
  AnnualReportFileParams,
  AnnualReportFileQuery,
  AnnualReportRunDto,
  RequestAnnualReportInput,
} from './annual-report.dto';
import { AnnualReportService } from './annual-report.service';

@ApiController('recognition', 'recognition/annual-reports')
export class AnnualReportController {
  constructor(private readonly reports: AnnualReportService) {}

  @Post()
  @Endpoint({
    permission: { action: 'annual_report.read', objectLevel: true },
    operationId: 'requestAnnualReport',
    summary: 'Starts the annual report of a year for the organisation or an org unit (built by the worker).',
    description:
      'Idempotent per (year, scope): while a run of that year and scope is queued or running, it is answered ' +
      '(200) instead of starting another. A new run answers 202; poll GET …/{id} for its progress.',
    ok: AnnualReportRunDto,
    okDescription: 'The run already queued or running for this year and scope.',
    errors: ['validation_failed', 'unauthenticated', 'role_required', 'out_of_scope'],
    errorText: { 400: '`year` not from 2000 to the current year, or `orgUnitId` not a known org unit.' },
  })
  // The second success answer; the handler sets 202 itself.
  @ApiAcceptedResponse({ type: AnnualReportRunDto, description: 'A new run, queued.' })
  async request(
    @Call() call: Call,
    @Body() input: RequestAnnualReportInput,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AnnualReportRunDto> {
    const { run, created } = await this.reports.request(
      call.actor,
      input.year,
      input.orgUnitId ?? null,
      call.requestId,
    );
    if (created) res.status(202);
    return run;
  }

  @Get()
  @Endpoint({
    permission: 'annual_report.read',
    operationId: 'listAnnualReports',
    summary: 'The 20 most recent annual report runs of the scopes I may read, newest first (without figures).',
    ok: [AnnualReportRunDto],
    errors: ['unauthenticated', 'role_required'],
  })
  list(@CurrentActor() actor: Actor): Promise<AnnualReportRunDto[]> {
    return this.reports.list(actor);
  }

  @Get(':id')
  @Endpoint({
    permission: { action: 'annual_report.read', objectLevel: true },
    operationId: 'getAnnualReport',
    summary: 'One run: status, progress, and when done its figures and short-lived signed download links.',
    ok: AnnualReportRunDto,
    errors: ['validation_failed', 'unauthenticated', 'role_required', 'out_of_scope', 'annual_report_run_not_found'],
  })
  get(@CallOn() call: CallOn): Promise<AnnualReportRunDto> {
    return this.reports.get(call.actor, call.id);
  }

  @Get(':id/files/:kind')
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Endpoint({
    permission: { public: true, tokenAuthorised: true },
    operationId: 'downloadAnnualReportFile',
    summary: 'A report file (PDF in French or English, or XLSX) through its signed link (from GET …/{id}).',
    description: 'The link is the authority: it works for 15 minutes and only as given.',
    ok: { description: 'The file.', binary: true },
    errors: ['validation_failed', 'download_link_invalid', 'download_link_expired', 'annual_report_not_ready'],
    errorText: { 403: '`download_link_invalid` (tampered or unknown) or `download_link_expired`' },
  })
  async file(
    @Param() params: AnnualReportFileParams,
    @Query() query: AnnualReportFileQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.reports.download(params.id, params.kind, query.expires, query.signature);
    return sendDownload(
      res,
      { fileName: file.fileName, contentType: file.contentType, content: file.stream, sizeBytes: file.sizeBytes },
      'no-store',
    );
  }
}
