import { Injectable } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import type { AnnualReportRun } from '../entities';
import { AnnualReportRepository } from './annual-report.repository';

/** The yearly schedule's request: the whole organisation's report of a year, asked by nobody in particular. */
@Injectable()
export class AnnualReportScheduler {
  constructor(
    private readonly runs: AnnualReportRepository,
    private readonly outbox: OutboxService,
  ) {}

  request(year: number): Promise<{ run: AnnualReportRun; created: boolean }> {
    return this.runs.transaction(async (m) => {
      const got = await this.runs.insertOrActive(year, null, null, m);
      if (got.created) await this.outbox.append(m, 'recognition.annual_report', { runId: got.run.id });
      return got;
    });
  }
}
