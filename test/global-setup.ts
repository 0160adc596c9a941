import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@eclore/migrations';
import { admin } from './database';
import { databaseUrl } from './services';

/** Migrates a template database once per run; every integration test file clones it. */
export default async function globalSetup(): Promise<void> {
  // One template per run (unless pinned): two runs on one machine never drop each other's template.
  // Test workers start after this and inherit the variable.
  process.env['TEST_TEMPLATE_DB'] ??= `eclore_test_template_${process.pid}`;
  const TEMPLATE_DB = process.env['TEST_TEMPLATE_DB'];
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
