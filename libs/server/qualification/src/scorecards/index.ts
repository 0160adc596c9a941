export { consolidatedScorecards } from './consolidated';
