export { QualificationPanel } from './QualificationPanel';
export { CampaignCriteriaLink } from './CampaignCriteriaLink';
