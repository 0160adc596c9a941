export {
  criteriaForIdeas,
  criteriaForCampaigns,
  organisationCriteria,
  type ApplicableCriteria,
  type CriteriaSource,
} from './applicable';
export { CriteriaModule } from './criteria.module';
