import { Module } from '@nestjs/common';
import { DeadlinesModule } from './deadlines';
import { RoutingModule } from './routing';
import { PrivateNotesModule } from './notes';

/**
 * Qualification: the innovation network's review of ideas — criteria and scorecards, routing to
 * reviewers, private notes, outcomes and the answer-time guarantee. Each submodule is imported here.
 */
@Module({
  imports: [RoutingModule, PrivateNotesModule, DeadlinesModule],
})
export class QualificationModule {}
