export { SimilarIdeas, useDebouncedValue, type SimilarIdeasProps } from './SimilarIdeas';
export { WallCard } from './WallCard';
