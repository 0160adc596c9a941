import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@eclore/migrations';
import { admin } from './database';
import { TEMPLATE_DB, databaseUrl } from './services';

/** Migrates a template database once per run; every integration test file clones it. */
export default async function globalSetup(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${TEMPLATE_DB}"`);
  const ds = new DataSource(dataSourceOptions(databaseUrl(TEMPLATE_DB)));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}
