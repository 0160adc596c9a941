import { Module } from '@nestjs/common';
import { OutboxService, StorageModule } from '@eclore/server-platform';
import {
  DirectoryImportsController,
  HeadcountsController,
  OrgUnitsController,
  PeopleController,
} from './directory.controller';
import { DirectoryImportsService } from './directory-imports.service';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';

/** The staff directory over HTTP: CSV imports (run by the worker), org units, people search, head counts. */
@Module({
  imports: [StorageModule],
  controllers: [DirectoryImportsController, OrgUnitsController, PeopleController, HeadcountsController],
  // AccessService comes from the global AccessModule.
  providers: [DirectoryRepository, DirectoryService, DirectoryImportsService, OutboxService],
})
export class DirectoryModule {}
