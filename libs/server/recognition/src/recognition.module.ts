import { Module } from '@nestjs/common';
import { AnnualReportJobsModule, AnnualReportModule } from './annual-report/annual-report.module';
import { CharterModule } from './charter/charter.module';
import { ContributionsModule } from './contributions/contributions.module';
import { CreditModule } from './credit/credit.module';
import { LedgerModule } from './ledger/ledger.module';
import { ReportModule } from './report/report.module';

/**
 * Recognition and the charter (docs/recognition.md): the contribution ledger, credit shares, "my
 * contributions", the annual report's figures. Each feature is a submodule imported here.
 */
@Module({
  imports: [LedgerModule, ContributionsModule, CreditModule, ReportModule, CharterModule, AnnualReportModule],
})
export class RecognitionModule {}

/** What the worker needs: the ledger's recorder for each new idea event, the annual report's builder. */
@Module({
  imports: [LedgerModule, AnnualReportJobsModule],
  exports: [LedgerModule, AnnualReportJobsModule],
})
export class RecognitionJobsModule {}
