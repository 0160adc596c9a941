import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';

/** The configured store. Only the local disk exists today; an S3 store would be chosen here by config. */
export function createFileStorage(config: Pick<AppConfig, 'STORAGE_DIR'>): FileStorage {
  return new LocalDiskStorage(config.STORAGE_DIR);
}

/** Provides FileStorage (inject the abstract class) to every module. */
@Global()
@Module({
  providers: [
    { provide: FileStorage, inject: [AppConfig], useFactory: (config: AppConfig) => createFileStorage(config) },
  ],
  exports: [FileStorage],
})
export class StorageModule {}
