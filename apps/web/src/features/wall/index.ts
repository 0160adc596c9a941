export { SimilarIdeas, useDebouncedValue, type SimilarIdeasProps } from './SimilarIdeas';
export { WallCard } from './WallCard';
export { IdeaFilterFields, type IdeaFilterValues } from './IdeaFilterFields';
export { ideaFiltersFromParams, oneOf, uuidParam } from './wall-params';
