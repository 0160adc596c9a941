import { Module } from '@nestjs/common';
import { IdeasCoreModule } from '@eclore/server-ideas';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';

/** Scorecards per idea and reviewer, and the consolidated view. */
@Module({
  imports: [IdeasCoreModule],
  controllers: [ScorecardsController],
  providers: [ScorecardsService],
})
export class ScorecardsModule {}
