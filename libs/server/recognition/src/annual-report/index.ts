export { AnnualReportModule, AnnualReportJobsModule } from './annual-report.module';
export { AnnualReportBuilder, type AnnualReportOutcome } from './annual-report.builder';
export { AnnualReportScheduler } from './annual-report.scheduler';
export { AnnualReportRepository } from './annual-report.repository';
export { reportStorageKey, REPORT_FILE_KINDS, type ReportFileKind } from './download-links';
