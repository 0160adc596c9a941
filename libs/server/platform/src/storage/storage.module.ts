import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';
import { S3Storage, type S3StorageConfig } from './s3-storage';

/** The configured store: the local disk (default) or an S3-compatible bucket (STORAGE_DRIVER=s3). */
export function createFileStorage(config: Pick<AppConfig, 'STORAGE_DIR' | 'STORAGE_DRIVER'> & S3StorageConfig): FileStorage {
  return config.STORAGE_DRIVER === 's3' ? S3Storage.fromConfig(config) : new LocalDiskStorage(config.STORAGE_DIR);
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
