export { IdeaReviewersPanel } from './IdeaReviewersPanel';
