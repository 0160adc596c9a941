import 'reflect-metadata';
import type { AppConfig } from '@eclore/server-platform';
import { openTestDataSource, type TestDataSource } from '../../../../../test/harness';
import {
  BASELINE_PRECISION_AT_10,
  precisionAt10 as precision,
  QUERIES,
  seedRelevanceSet,
} from '../../../../../test/relevance/relevance-set';
import { WallPageCache } from './wall-page-cache';
import { WallRepository } from './wall.repository';
import { WallService } from './wall.service';

/** The relevance guard (issue 15): the set and its measure are described in test/relevance/relevance-set.ts. */
describe('search relevance guard (issue 15)', () => {
  let t: TestDataSource;
  let wall: WallService;
  let repository: WallRepository;
  let relevant: Map<string, Set<string>>;

  beforeAll(async () => {
    t = await openTestDataSource('relevance');
    relevant = await seedRelevanceSet((sql, values) => t.ds.query(sql, values));
    repository = new WallRepository(t.ds);
    wall = new WallService(repository, new WallPageCache({ WALL_CACHE_SECONDS: 0 } as AppConfig));
  }, 120_000);

  afterAll(async () => {
    await repository?.onModuleDestroy();
    await t?.close();
  });

  it(`keeps precision@10 over ${QUERIES.length} queries at or above ${BASELINE_PRECISION_AT_10}`, async () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(40);
    const lines: string[] = [];
    let api = 0;
    let everyMatch = 0;
    for (const [q, topic, lang] of QUERIES) {
      const expected = relevant.get(`${topic}:${lang}`)!;
      const page = await wall.page({ q, limit: 10 });
      const ranked = await repository.wallRows({ q, sort: 'relevance', segment: 'hot', since: null, limit: 10 });
      const p = precision(
        page.items.map((i) => i.id),
        expected,
      );
      const pAll = precision(
        ranked.map((r) => r.id),
        expected,
      );
      api += p;
      everyMatch += pAll;
      lines.push(`${q.padEnd(22)} ${p.toFixed(2)}  (every match ranked: ${pAll.toFixed(2)})`);
    }
    const measured = api / QUERIES.length;
    console.log(
      `precision@10 through the API's SQL: ${measured.toFixed(3)}; ranking every match: ${(everyMatch / QUERIES.length).toFixed(3)}\n${lines.join('\n')}`,
    );
    expect(measured).toBeGreaterThanOrEqual(BASELINE_PRECISION_AT_10 - 1e-9);
  });
});
