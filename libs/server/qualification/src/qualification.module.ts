import { Module } from '@nestjs/common';

/**
 * Qualification: the innovation network's review of ideas — criteria and scorecards, routing to
 * reviewers, private notes, outcomes and the answer-time guarantee. Each submodule is imported here.
 */
@Module({
  imports: [],
})
export class QualificationModule {}
