import 'reflect-metadata';
import { createServiceTestContext, type ServiceTestContext } from '../../../../../test/harness/service-context';
import { entityMappingProblems } from '../../../../../test/harness/entity-mapping';
import { RecognitionModule } from '../recognition.module';
import { RECOGNITION_ENTITIES } from './index';

/**
 * The recognition entities stay out of schema generation (their schema is the hand-written
 * migration, see schema.ts), so this checks each mapped column against the migrated table: the
 * same name, a compatible type and the same nullability. A renamed column or a forgotten one fails here.
 */
describe('recognition entities (real PostgreSQL)', () => {
  let ctx: ServiceTestContext;

  beforeAll(async () => {
    ctx = await createServiceTestContext({ label: 'recognition_entities', imports: [RecognitionModule] });
  });
  afterAll(() => ctx?.close());

  it('maps every column of every recognition table, with its type and nullability', async () => {
    expect(await entityMappingProblems(ctx.ds, RECOGNITION_ENTITIES)).toEqual([]);
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
