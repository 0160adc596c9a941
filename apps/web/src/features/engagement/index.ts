export { EngagementPanel } from './EngagementPanel';
