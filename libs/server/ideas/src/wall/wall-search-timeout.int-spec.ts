/**
 * A search that runs past its statement timeout (issue 15) is cancelled by PostgreSQL and answered
 * "narrow your search" (400 naming `q`), instead of holding a core while the requests behind it queue.
 * The slow search is made by a lock: another transaction holds the idea table, so the search waits,
 * which statement_timeout counts like work. The listing without words has no such limit.
 */
import 'reflect-metadata';
import type { AppConfig } from '@eclore/server-platform';
import { ValidationFailed } from '@eclore/domain';
import { openTestDataSource, type TestDataSource } from '../../../../../test/harness';
import { WallPageCache } from './wall-page-cache';
import { WallRepository } from './wall.repository';
import { WallService } from './wall.service';

describe('search statement timeout', () => {
  let t: TestDataSource;
  let repository: WallRepository;
  let wall: WallService;

  beforeAll(async () => {
    t = await openTestDataSource('search_timeout');
    const [person] = (await t.ds.query(
      `INSERT INTO person (employee_number, given_name, family_name, email) VALUES ('T-1', 'Ti', 'Meout', 'ti@eclore.example') RETURNING id`,
    )) as { id: string }[];
    await t.ds.query(
      `INSERT INTO idea (kind, status, title, summary, body_html, themes, anonymous, author_id, submitted_at, published_at, version)
       VALUES ('problem', 'visible', 'Vélos de service', 'Une proposition.', '', '{}', false, $1, now(), now(), 1)`,
      [person!.id],
    );
    repository = new WallRepository(t.ds);
    repository.searchTimeoutMs = 300;
    wall = new WallService(repository, new WallPageCache({ WALL_CACHE_SECONDS: 0 } as AppConfig));
  }, 120_000);

  afterAll(async () => {
    await repository?.onModuleDestroy();
    await t?.close();
  });

  it('answers "narrow your search" on q when a search runs past the timeout, and searches again after', async () => {
    const locker = t.ds.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    await locker.query('LOCK TABLE idea IN ACCESS EXCLUSIVE MODE');
    let refused: unknown;
    try {
      refused = await wall.page({ q: 'vélos' }).catch((err: unknown) => err);
    } finally {
      await locker.rollbackTransaction();
      await locker.release();
    }
    expect(refused).toBeInstanceOf(ValidationFailed);
    expect((refused as ValidationFailed).fields).toEqual([
      expect.objectContaining({ field: 'q', code: 'searchTooBroad' }),
    ]);

    const page = await wall.page({ q: 'vélos' });
    expect(page.items.map((i) => i.title)).toEqual(['Vélos de service']);
  });
});
