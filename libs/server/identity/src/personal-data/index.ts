export { PersonalDataModule } from './personal-data.module';
export { ErasureService, type ErasureOutcome } from './erasure.service';
export { PersonalDataExportBuilder, EXPORT_AVAILABLE_HOURS, type ExportBuildOutcome } from './export-builder';
export {
  ANONYMOUS_PLACEHOLDER_ID,
  ERASURE_PLAN,
  FORMER_STAFF_GIVEN_NAME,
  FORMER_STAFF_FAMILY_NAME,
  type ErasureStep,
} from './erasure-plan';
export { expiredArchives, forgetArchive } from './personal-data.repository';
export { EXPORT_CATEGORIES } from './sql/export-queries.sql';
