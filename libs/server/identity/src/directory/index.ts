export { DirectoryModule } from './directory.module';
export {
  DirectoryImportRunner,
  MAX_STORED_ERRORS,
  type RunOutcome,
  type ImportTimings,
  type ImportCounts,
} from './directory-import.runner';
export { DIRECTORY_COLUMNS } from './csv-format';
// The head-count statements, so the demo seed computes head counts exactly as an import does.
export { UPSERT_HEADCOUNTS, DELETE_INACTIVE_HEADCOUNTS } from './sql/directory-import.sql';
