import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { FileStorage, LocalDiskStorage } from '@eclore/server-platform';
import { DirectoryImportRunner } from './directory/directory-import.runner';
import { IdentityJobsModule } from './identity-jobs.module';
import { ErasureService } from './personal-data/erasure.service';
import { PersonalDataExportBuilder } from './personal-data/export-builder';

describe('IdentityJobsModule', () => {
  it('provides the worker’s identity jobs through injection (no `new` in the handlers)', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [IdentityJobsModule] })
      // The worker's root module provides the data source; nothing here touches the database or files.
      .useMocker((token) => (token === DataSource ? {} : undefined))
      .overrideProvider(FileStorage)
      .useValue(new LocalDiskStorage('/nonexistent'))
      .compile();
    expect(moduleRef.get(DirectoryImportRunner)).toBeInstanceOf(DirectoryImportRunner);
    expect(moduleRef.get(PersonalDataExportBuilder)).toBeInstanceOf(PersonalDataExportBuilder);
    expect(moduleRef.get(ErasureService)).toBeInstanceOf(ErasureService);
  });
});
