import { Module } from '@nestjs/common';
import { AccessModule, AuditModule } from '@eclore/server-identity';
import { OutboxService, StorageModule } from '@eclore/server-platform';
import { CharterModule } from '../charter/charter.module';
import { ReportModule } from '../report/report.module';
import { AnnualReportBuilder } from './annual-report.builder';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportRepository } from './annual-report.repository';
import { AnnualReportScheduler } from './annual-report.scheduler';
import { AnnualReportService } from './annual-report.service';

/** The annual report's runs: requests, progress, signed downloads (api) and the builder (worker). */
@Module({
  imports: [StorageModule, ReportModule, CharterModule],
  controllers: [AnnualReportController],
  // AccessService and AuditService come from global modules.
  providers: [AnnualReportRepository, AnnualReportService, AnnualReportBuilder, OutboxService],
  exports: [AnnualReportBuilder, AnnualReportRepository],
})
export class AnnualReportModule {}

/**
 * The worker's part: the builder and the yearly schedule's request (no controller). The api's global
 * audit and access modules are imported here, since the figures' modules expect them.
 */
@Module({
  imports: [AuditModule, AccessModule, StorageModule, ReportModule, CharterModule],
  providers: [AnnualReportRepository, AnnualReportBuilder, AnnualReportScheduler, OutboxService],
  exports: [AnnualReportBuilder, AnnualReportScheduler],
})
export class AnnualReportJobsModule {}
