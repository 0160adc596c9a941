import { Module } from '@nestjs/common';
import { DeadlinesModule } from './deadlines';

/**
 * Qualification: the innovation network's review of ideas — criteria and scorecards, routing to
 * reviewers, private notes, outcomes and the answer-time guarantee. Each submodule is imported here.
 */
@Module({
  imports: [DeadlinesModule],
})
export class QualificationModule {}
