export { RealisationPanel } from './RealisationPanel';
export { IdeaCommandButtons } from './commands/IdeaCommandButtons';
export { FieldReviewSettingsPanel } from './field-reviews/FieldReviewSettingsPanel';
export { LateFieldReviews, MyFieldReviews } from './field-reviews/MyFieldReviews';
