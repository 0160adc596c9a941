import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsRepository } from './scorecards.repository';
import { ScorecardsService } from './scorecards.service';

/** Scorecards per idea and reviewer, and the consolidated view. */
@Module({
  imports: [IdeasCoreModule],
  controllers: [ScorecardsController],
  providers: [ScorecardsService, ScorecardsRepository],
})
export class ScorecardsModule {}
