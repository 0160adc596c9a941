import { Module } from '@nestjs/common';
import { ImpactModule } from '@eclore/server-realisation';
import { AnnualFiguresService } from './annual-figures.service';
import { ReportController } from './report.controller';
import { ReportRepository } from './report.repository';

/** The annual report's figures (docs/recognition.md §5): the JSON API and what the report job reads. */
@Module({
  imports: [ImpactModule],
  controllers: [ReportController],
  providers: [ReportRepository, AnnualFiguresService],
  exports: [AnnualFiguresService],
})
export class ReportModule {}
