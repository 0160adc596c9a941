export { RevealAuthorPanel } from './RevealAuthorPanel';
