import 'reflect-metadata';
import { AccessModule, AuditModule } from '@eclore/server-identity';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { RecognitionModule } from '../recognition.module';
import { RECOGNITION_ENTITIES } from './index';

/**
 * The recognition entities stay out of schema generation (their schema is the hand-written
 * migration, see schema.ts), so this checks each mapped column against the migrated table: the
 * same name, a compatible type and the same nullability. A renamed column or a forgotten one fails here.
 */
const TYPE_OF: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  int: 'integer',
  integer: 'integer',
  smallint: 'smallint',
  bigint: 'bigint',
  boolean: 'boolean',
  numeric: 'numeric',
  jsonb: 'jsonb',
  timestamptz: 'timestamp with time zone',
};

describe('recognition entities (real PostgreSQL)', () => {
  let ctx: ServiceTestContext;

  beforeAll(async () => {
    ctx = await createServiceTestContext({
      label: 'recognition_entities',
      imports: [AuditModule, AccessModule, RecognitionModule],
    });
  });
  afterAll(() => ctx?.close());

  it('maps every column of every recognition table, with its type and nullability', async () => {
    for (const entity of RECOGNITION_ENTITIES) {
      const meta = ctx.ds.getMetadata(entity);
      const rows: { column_name: string; data_type: string; is_nullable: 'YES' | 'NO'; udt_name: string }[] =
        await ctx.ds.query(
          `SELECT column_name, data_type, is_nullable, udt_name FROM information_schema.columns WHERE table_name = $1`,
          [meta.tableName],
        );
      expect(rows.length).toBeGreaterThan(0);
      const table = new Map(rows.map((r) => [r.column_name, r]));
      expect(meta.columns.map((c) => c.databaseName).sort()).toEqual([...table.keys()].sort());
      for (const column of meta.columns) {
        const row = table.get(column.databaseName)!;
        const name = `${meta.tableName}.${column.databaseName}`;
        // Arrays: information_schema says ARRAY; the element type is the udt name without its underscore.
        const actual = row.data_type === 'ARRAY' ? `${row.udt_name.slice(1)}[]` : row.data_type;
        const expected = `${TYPE_OF[String(column.type)]}${column.isArray ? '[]' : ''}`;
        expect(`${name}: ${actual}`).toBe(`${name}: ${expected}`);
        expect(`${name} nullable ${row.is_nullable === 'YES'}`).toBe(`${name} nullable ${column.isNullable}`);
      }
    }
  });

  it('never writes the keys the database computes (GENERATED ALWAYS ... STORED refuses a value)', () => {
    const computed = RECOGNITION_ENTITIES.flatMap((entity) =>
      ctx.ds
        .getMetadata(entity)
        .columns.filter(
          (c) =>
            c.databaseName.endsWith('_key') &&
            !c.databaseName.startsWith('certificate') &&
            !/^(pdf|xlsx)/.test(c.databaseName),
        )
        .map((c) => [c.entityMetadata.tableName, c.databaseName, c.isInsert, c.isUpdate]),
    );
    expect(computed).toEqual([
      ['contribution', 'idempotency_key', false, false],
      ['recognition', 'due_key', false, false],
    ]);
  });
});
