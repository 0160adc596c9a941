/**
 * The api readies its pool's connections for the wall before it takes traffic (issue 15, cold
 * start): after WallService.warmUp(n), n connections each hold the wall's search statements,
 * prepared by name, so the first searches after a start plan nothing; a search then runs on them
 * without preparing anything more, and warming caches no page.
 */
import 'reflect-metadata';
import type { Pool, PoolClient } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { AppConfig } from '@eclore/server-platform';
import { makeIdea, makePerson, openTestDataSource, type TestDataSource } from '../../../../../test/harness';
import { WallPageCache } from './wall-page-cache';
import { WallRepository } from './wall.repository';
import { WallService } from './wall.service';

describe('wall connection warm-up', () => {
  let t: TestDataSource;
  let wall: WallService;
  let cache: WallPageCache;

  beforeAll(async () => {
    t = await openTestDataSource('wall_warm_up');
    const { person } = await makePerson(t.ds);
    await makeIdea(t.ds, { authors: [person], title: 'Vélos de service' });
    cache = new WallPageCache({ WALL_CACHE_SECONDS: 60 } as AppConfig);
    wall = new WallService(new WallRepository(t.ds), cache);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  /** The wall's named statements held by each connection of the pool (all taken at once). */
  async function namedOnEach(): Promise<number[]> {
    const pool = (t.ds.driver as PostgresDriver).master as Pool;
    const clients: PoolClient[] = await Promise.all(Array.from({ length: pool.totalCount }, () => pool.connect()));
    try {
      return await Promise.all(
        clients.map(
          async (c) =>
            (await c.query(`SELECT name FROM pg_prepared_statements WHERE name LIKE 'wall\\_%'`)).rowCount ?? 0,
        ),
      );
    } finally {
      for (const c of clients) c.release();
    }
  }

  it('prepares the relevance and newest-first search statements on every connection it is given', async () => {
    expect((await namedOnEach()).every((n) => n === 0)).toBe(true);
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
});
