// For entities kept out of schema generation (`synchronize: false`, their schema a hand-written
// migration): every mapped column must exist in the migrated table with a compatible type and the
// same nullability, and every table column must be mapped. Answers the mismatches, one line each.
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

const TYPE_OF: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  int: 'integer',
  integer: 'integer',
  smallint: 'smallint',
  bigint: 'bigint',
  boolean: 'boolean',
  date: 'date',
  numeric: 'numeric',
  jsonb: 'jsonb',
  timestamptz: 'timestamp with time zone',
};
/** information_schema names an array's element by its internal name (`_int4`). */
const ELEMENT_OF: Record<string, string> = { int4: 'integer', int2: 'smallint', int8: 'bigint' };

interface ColumnRow {
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
  udt_name: string;
}

export async function entityMappingProblems(
  ds: DataSource,
  entities: readonly EntityTarget<ObjectLiteral>[],
): Promise<string[]> {
  const problems: string[] = [];
  for (const entity of entities) {
    const meta = ds.getMetadata(entity);
    const rows: ColumnRow[] = await ds.query(
      `SELECT column_name, data_type, is_nullable, udt_name FROM information_schema.columns WHERE table_name = $1`,
      [meta.tableName],
    );
    const table = new Map(rows.map((r) => [r.column_name, r]));
    const mapped = new Set(meta.columns.map((c) => c.databaseName));
    for (const name of table.keys()) if (!mapped.has(name)) problems.push(`${meta.tableName}.${name}: not mapped`);
    for (const column of meta.columns) {
      const name = `${meta.tableName}.${column.databaseName}`;
      const row = table.get(column.databaseName);
      if (!row) {
        problems.push(`${name}: no such column`);
        continue;
      }
      const element = row.udt_name.slice(1);
      const actual = row.data_type === 'ARRAY' ? `${ELEMENT_OF[element] ?? element}[]` : row.data_type;
      const expected = `${TYPE_OF[String(column.type)] ?? String(column.type)}${column.isArray ? '[]' : ''}`;
      if (actual !== expected) problems.push(`${name}: ${actual} in the table, ${expected} in the entity`);
      if ((row.is_nullable === 'YES') !== column.isNullable)
        problems.push(
          `${name}: nullable ${row.is_nullable === 'YES'} in the table, ${column.isNullable} in the entity`,
        );
    }
  }
  return problems;
}
