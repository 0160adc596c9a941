import { Module } from '@nestjs/common';
import { OutboxService, StorageModule } from '@eclore/server-platform';
import { AdminErasureService, ErasureService } from './erasure.service';
import { PersonalDataExportService } from './export.service';
import { PersonalDataExportController, PersonErasureController } from './personal-data.controller';

/** Personal data (docs/personal-data.md): one's own export (built by the worker) and an admin's erasure. */
@Module({
  imports: [StorageModule],
  controllers: [PersonalDataExportController, PersonErasureController],
  // AccessService and AuditService come from global modules.
  providers: [PersonalDataExportService, ErasureService, AdminErasureService, OutboxService],
})
export class PersonalDataModule {}
