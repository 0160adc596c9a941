export { consolidatedScorecards } from './consolidated';
export { ScorecardsModule } from './scorecards.module';
