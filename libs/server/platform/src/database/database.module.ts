import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';

/**
 * TypeORM on PostgreSQL, `synchronize` off. The caller passes the full options builder (entities and
 * migrations live in migrations/, which knows every bounded context).
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: (url: string, extra: Partial<DataSourceOptions>) => DataSourceOptions) {
    return TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        ({
          ...options(config.DATABASE_URL, {}),
          poolSize: config.DATABASE_POOL_SIZE,
          // Fail fast when the database is down instead of hanging the boot (and the tests).
          retryAttempts: 2,
          retryDelay: 500,
          extra: { connectionTimeoutMillis: 5000, application_name: process.env['ECLORE_PROCESS'] ?? 'eclore' },
        }) as never,
    });
  }
}
