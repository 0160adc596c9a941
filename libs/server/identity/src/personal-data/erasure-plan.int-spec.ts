import 'reflect-metadata';
import { Client } from 'pg';
import { createTestDatabase } from '../../../../../test/database';
import { ERASURE_PLAN } from './erasure-plan';

/**
 * Every column of the migrated schema that refers to a person must have an entry in ERASURE_PLAN:
 * a foreign key to `person`, or a column named like a person reference (`*person_id`, `author*`,
 * `actor*`, `*_by`, `recipient*`, `reviewer*`, `mention*`, `email`…). A new table holding personal
 * data fails here until someone decides what erasure does to it.
 */
const PERSON_LIKE =
  /(^|_)(person|author|actor|recipient|reviewer|sponsor|delegate|reporter|member|owner|assignee|mentions?|mentioned)(_id|_ids|s)?$|_by$|^email$/;

describe('personal-data erasure plan covers every person reference', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;
  let references: string[];

  beforeAll(async () => {
    db = await createTestDatabase('erasureplan');
    client = new Client({ connectionString: db.url });
    await client.connect();
    const fks = await client.query<{ col: string }>(`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS col
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
       WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass`);
    const named = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string }>(`
      SELECT c.table_name, c.column_name, c.data_type, c.udt_name
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schema_migration'`);
    const byName = named.rows
      // Person ids are uuids (or uuid arrays); e-mail addresses are text.
      .filter((r) => PERSON_LIKE.test(r.column_name) && (/uuid/.test(r.udt_name) || r.column_name === 'email'))
      .map((r) => `${r.table_name}.${r.column_name}`);
    references = [...new Set([...fks.rows.map((r) => r.col), ...byName])].sort();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('finds the person references (the query itself works)', () => {
    expect(references).toEqual(
      expect.arrayContaining([
        'idea.author_id',
        'local_credential.person_id',
        'user_session.person_id',
        'person.email',
      ]),
    );
  });

  it('has an entry in ERASURE_PLAN for each of them', () => {
    const missing = references.filter((col) => !(col in ERASURE_PLAN));
    expect(missing).toEqual([]);
  });

  it('has no entry for a column that does not exist (the plan stays true to the schema)', async () => {
    const existing = await client.query<{ col: string }>(
      `SELECT table_name || '.' || column_name AS col FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const columns = new Set(existing.rows.map((r) => r.col));
    expect(Object.keys(ERASURE_PLAN).filter((col) => !columns.has(col))).toEqual([]);
  });

  it('gives every step that changes data its SQL, and none to a kept column', () => {
    for (const [col, step] of Object.entries(ERASURE_PLAN)) {
      expect({ col, hasSql: Boolean(step.sql) }).toEqual({ col, hasSql: step.effect !== 'keep' });
    }
  });
});
