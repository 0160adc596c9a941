export {
  criteriaForIdeas,
  criteriaForCampaigns,
  organisationCriteria,
  type ApplicableCriteria,
  type CriteriaSource,
} from './applicable';
