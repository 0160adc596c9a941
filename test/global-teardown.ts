import { admin } from './database';

/** Drops this run's template database (see global-setup.ts). */
export default async function globalTeardown(): Promise<void> {
  const template = process.env['TEST_TEMPLATE_DB'];
  if (template?.startsWith('eclore_test_template')) await admin(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
}
