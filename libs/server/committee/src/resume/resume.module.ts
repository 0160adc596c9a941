import { Module } from '@nestjs/common';
import { OutboxService } from '@eclore/server-platform';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { ResumeOnPark } from './resume-jobs';

/** The api side of the system's resume: parking schedules it (the job runs in the worker). */
@Module({
  imports: [IdeasCoreModule],
  providers: [ResumeOnPark, OutboxService],
})
export class ResumeModule {}
