import { Module } from '@nestjs/common';
import { DeadlinesModule } from './deadlines';
import { RoutingModule } from './routing';
import { PrivateNotesModule } from './notes';
import { CriteriaModule } from './criteria';
import { ScorecardsModule } from './scorecards';
import { OutcomesModule } from './outcomes';

/**
 * Qualification: the innovation network's review of ideas — criteria and scorecards, routing to
 * reviewers, private notes, outcomes and the answer-time guarantee. Each submodule is imported here.
 */
@Module({
  imports: [RoutingModule, PrivateNotesModule, DeadlinesModule, CriteriaModule, ScorecardsModule, OutcomesModule],
})
export class QualificationModule {}
