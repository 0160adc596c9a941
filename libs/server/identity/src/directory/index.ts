export { DirectoryModule } from './directory.module';
export { DirectoryImportRunner, MAX_STORED_ERRORS, type RunOutcome, type ImportTimings, type ImportCounts } from './directory-import.runner';
export { DIRECTORY_COLUMNS } from './csv-format';
