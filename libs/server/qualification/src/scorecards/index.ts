export { consolidatedScorecards } from './consolidated';
export { ScorecardsModule } from './scorecards.module';
export { ScorecardsService } from './scorecards.service';
