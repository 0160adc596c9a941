import { Module } from '@nestjs/common';
import { StorageModule } from '@eclore/server-platform';
import { AuditService } from './audit/audit.service';
import { DirectoryImportRunner } from './directory/directory-import.runner';
import { ErasureService } from './personal-data/erasure.service';
import { PersonalDataExportBuilder } from './personal-data/export-builder';

/**
 * The identity work the worker's job handlers run, as injectable providers (the directory import,
 * the personal-data export and erasure), so a handler injects them instead of building them with `new`.
 */
@Module({
  imports: [StorageModule],
  providers: [AuditService, DirectoryImportRunner, PersonalDataExportBuilder, ErasureService],
  exports: [DirectoryImportRunner, PersonalDataExportBuilder, ErasureService],
})
export class IdentityJobsModule {}
