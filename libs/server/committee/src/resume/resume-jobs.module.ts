import { Module } from '@nestjs/common';
import { QueueModule } from '@eclore/server-platform';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { ParkedResumer } from './resume-jobs';

/** The worker side of the system's resume: schedules and runs the delayed resume jobs. */
@Module({
  imports: [QueueModule, IdeasCoreModule],
  providers: [ParkedResumer],
  exports: [ParkedResumer],
})
export class ResumeJobsModule {}
