/**
 * queryPrepared (the session's look-up on every request): on PostgreSQL the statement is prepared
 * once on each connection that runs it and answers what an unnamed query answers, also after the
 * data changed (prepared is not cached).
 */
import 'reflect-metadata';
import { onEachPooledConnection, openTestDataSource, type TestDataSource } from '../../../../../test/harness';
import { keepsStatementsPerConnection, queryPrepared } from './named-statements';

describe('queryPrepared', () => {
  let t: TestDataSource;

  beforeAll(async () => {
    t = await openTestDataSource('named_statements');
    await t.ds.query(`CREATE TABLE probe (k text PRIMARY KEY, v int)`);
    await t.ds.query(`INSERT INTO probe VALUES ('a', 1), ('b', 2)`);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  /** Names prepared on each connection the pool holds. */
  function preparedOnEach(): Promise<string[][]> {
    return onEachPooledConnection(t.ds, async (c) =>
      (await c.query<{ name: string }>('SELECT name FROM pg_prepared_statements')).rows.map((r) => r.name),
    );
  }

  it('prepares the statement under its name on the connection that runs it, and reads fresh rows each time', async () => {
    expect(await keepsStatementsPerConnection(t.ds)).toBe(true);
    const text = 'SELECT k, v FROM probe WHERE k = $1';
    expect(await queryPrepared(t.ds, 'probe_by_key', text, ['a'])).toEqual(await t.ds.query(text, ['a']));
    expect((await preparedOnEach()).some((names) => names.includes('probe_by_key'))).toBe(true);

    await t.ds.query(`UPDATE probe SET v = 10 WHERE k = 'a'`);
    expect(await queryPrepared(t.ds, 'probe_by_key', text, ['a'])).toEqual([{ k: 'a', v: 10 }]);
    expect(await queryPrepared(t.ds, 'probe_by_key', text, ['b'])).toEqual([{ k: 'b', v: 2 }]);
    expect(await queryPrepared(t.ds, 'probe_by_key', text, ['none'])).toEqual([]);
  });
});
