/**
 * The api readies its search connections before it takes traffic (issue 15, cold start): after
 * WallService.warmUp(n), n search connections each hold the wall's search statements, prepared by
 * name, so the first searches after a start plan nothing; a search then runs on them without
 * preparing anything more, and warming caches no page. The search connections run with the
 * search's settings as their session's (SearchConnections), and close with the module. A trending
 * snapshot gone stale while the api was down is recomputed by the warm-up, not by the first requests.
 */
import 'reflect-metadata';
import type { AppConfig } from '@eclore/server-platform';
import {
  makeIdea,
  makePerson,
  onEachPooledConnection,
  openTestDataSource,
  type TestDataSource,
} from '../../../../../test/harness';
import { WallPageCache } from './wall-page-cache';
import { WallRepository } from './wall.repository';
import { WallService } from './wall.service';

describe('wall connection warm-up', () => {
  let t: TestDataSource;
  let wall: WallService;
  let cache: WallPageCache;
  let repository: WallRepository;

  beforeAll(async () => {
    t = await openTestDataSource('wall_warm_up');
    const { person } = await makePerson(t.ds);
    await makeIdea(t.ds, { authors: [person], title: 'Vélos de service' });
    cache = new WallPageCache({ WALL_CACHE_SECONDS: 60 } as AppConfig);
    repository = new WallRepository(t.ds);
    wall = new WallService(repository, cache);
  }, 120_000);

  afterAll(async () => {
    await repository?.onModuleDestroy();
    await t?.close();
  });

  /** The wall's named statements held by each search connection. */
  function namedOnEach(): Promise<number[]> {
    return onEachPooledConnection(
      repository.searchConnections.openPool,
      async (c) => (await c.query(`SELECT name FROM pg_prepared_statements WHERE name LIKE 'wall\\_%'`)).rowCount ?? 0,
    );
  }

  /** Each search connection's value of a setting. */
  async function setting(name: string): Promise<string[]> {
    return onEachPooledConnection(
      repository.searchConnections.openPool,
      async (c) => (await c.query<{ v: string }>('SELECT current_setting($1) AS v', [name])).rows[0]?.v ?? '',
    );
  }

  it('prepares the relevance and newest-first search statements on every connection it is given', async () => {
    expect(await namedOnEach()).toEqual([]);
    await wall.warmUp(3);
    const warmed = await namedOnEach();
    // Every connection the pool holds, at least the three asked for.
    expect(warmed.length).toBeGreaterThanOrEqual(3);
    expect(warmed).toEqual(warmed.map(() => 2));
    expect(cache.size).toBe(0);

    // A search after it uses those statements: nothing more is prepared, and it finds.
    expect((await wall.page({ q: 'vélos' })).items.map((i) => i.title)).toEqual(['Vélos de service']);
    expect((await wall.page({ q: 'vélos', sort: 'newest' })).items.map((i) => i.title)).toEqual(['Vélos de service']);
    expect(await namedOnEach()).toEqual(warmed);
  });

  it('recomputes a stale trending snapshot before traffic, and leaves a fresh one alone', async () => {
    const generations = async () =>
      (
        await t.ds.query<{ generation: string }[]>(`SELECT generation::text FROM idea_trending_generation ORDER BY 1`)
      ).map((r) => r.generation);
    await wall.refreshTrending();
    const fresh = await generations();
    await wall.warmUp(2);
    expect(await generations()).toEqual(fresh);

    await t.ds.query(`UPDATE idea_trending_generation SET computed_at = now() - interval '6 minutes'`);
    // The warm-up waits for the recomputation (held here until released), not only starts it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const refresh = repository.refreshTrending.bind(repository);
    const spy = jest.spyOn(repository, 'refreshTrending').mockImplementation(async () => {
      await held;
      return refresh();
    });
    let warmed = false;
    const warming = wall.warmUp(2).then(() => (warmed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warmed).toBe(false);
    release();
    await warming;
    spy.mockRestore();
    expect(await generations()).toHaveLength(fresh.length + 1);
    const [latest] = await t.ds.query<{ age: number }[]>(
      `SELECT extract(epoch FROM now() - computed_at) AS age FROM idea_trending_generation ORDER BY generation DESC LIMIT 1`,
    );
    expect(Number(latest?.age)).toBeLessThan(60);
  });

  it('runs searches under the search settings, which the other connections do not have', async () => {
    expect(new Set(await setting('jit'))).toEqual(new Set(['off']));
    expect(new Set(await setting('plan_cache_mode'))).toEqual(new Set(['force_generic_plan']));
    expect(new Set(await setting('max_parallel_workers_per_gather'))).toEqual(new Set(['0']));
    expect(new Set(await setting('statement_timeout'))).toEqual(new Set(['2s']));
    const [main] = (await t.ds.query(
      `SELECT current_setting('statement_timeout') AS v, current_setting('plan_cache_mode') AS p`,
    )) as {
      v: string;
      p: string;
    }[];
    expect(main).toEqual({ v: '0', p: 'auto' });
  });
});
