import { Module } from '@nestjs/common';
import { AnnualReportJobsModule, AnnualReportModule } from './annual-report/annual-report.module';
import { CharterModule } from './charter/charter.module';
import { ClaimsModule } from './claims/claims.module';
import { ContributionsModule } from './contributions/contributions.module';
import { CreditModule } from './credit/credit.module';
import { LedgerModule } from './ledger/ledger.module';
import { RecognitionDueModule, RecognitionWorkflowModule } from './recognition/recognition.module';
import { ReportModule } from './report/report.module';

/**
 * Recognition and the charter (docs/recognition.md): the contribution ledger, credit shares, "my
 * contributions", the annual report's figures. Each feature is a submodule imported here.
 */
@Module({
  imports: [
    LedgerModule,
    ContributionsModule,
    CreditModule,
    ReportModule,
    ClaimsModule,
    RecognitionWorkflowModule,
    CharterModule,
    AnnualReportModule,
  ],
})
export class RecognitionModule {}

/**
 * What the worker needs: the ledger's recorder and the due items' opener for each new idea event,
 * the annual report's builder.
 */
@Module({
  imports: [LedgerModule, RecognitionDueModule, AnnualReportJobsModule],
  exports: [LedgerModule, RecognitionDueModule, AnnualReportJobsModule],
})
export class RecognitionJobsModule {}
