export { IdeaDueDates } from './IdeaDueDates';
