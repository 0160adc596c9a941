export * from './hypothesis';
export * from './log-book';
export * from './experiment';
export * from './milestones';
export * from './impact';
export * from './field-reviews';
export * from './team';
export * from './resume';
