export {
  criteriaForIdeas,
  criteriaForCampaigns,
  organisationCriteria,
  type ApplicableCriteria,
  type CriteriaSource,
} from './criteria.repository';
export { CriteriaModule } from './criteria.module';
