/**
 * The wall's search in embedded mode (issue 15): every migration, SearchByWeek's included, runs on
 * the embedded PostgreSQL (PGlite, as `npm start` without DATABASE_URL serves it), and a search finds
 * the same ideas through each of its paths there: the windowed relevance and newest-first reads that
 * go through ix_idea_search_weekly (words joined to their week in a GIN index: core PostgreSQL, no
 * extension; PGlite has no RUM and needs none), the wider windows and the unbounded read on the
 * plain document.
 * PGlite and its socket server are ES modules Jest's CommonJS runtime does not load: a child process
 * serves the database (scripts/embedded/databases.mjs) until its stdin closes.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@eclore/server-platform';
import { DataSource } from 'typeorm';
import { testDataSourceOptions } from '../../../../../test/harness';
import { WallPageCache } from './wall-page-cache';
import { WallRepository } from './wall.repository';
import { WallService } from './wall.service';

const ROOT = join(__dirname, '../../../../..');
const SERVE = `
import { startEmbeddedDatabases } from ${JSON.stringify(join(ROOT, 'scripts/embedded/databases.mjs'))};
const dbs = await startEmbeddedDatabases(process.argv.at(-1), { dataConnections: 4, queueConnections: 2 });
process.stdout.write(dbs.dataUrl + '\\n');
process.stdin.resume();
process.stdin.on('end', async () => { await dbs.stop(); process.exit(0); });
`;
const DAY = 86_400_000;

describe('wall search on the embedded database (PGlite)', () => {
  let dir: string;
  let child: ChildProcess;
  let ds: DataSource;
  let wall: WallService;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eclore-embedded-search-'));
    child = spawn(process.execPath, ['--input-type=module', '-e', SERVE, dir], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += String(d);
        if (out.includes('\n')) resolve(out.split('\n')[0]!.trim());
      });
      child.once('exit', (code) => reject(new Error(`the embedded database exited with ${code}`)));
    });
    ds = await new DataSource(testDataSourceOptions(url, { poolSize: 2 })).initialize();
    await ds.runMigrations({ transaction: 'each' });
    wall = new WallService(new WallRepository(ds), new WallPageCache({ WALL_CACHE_SECONDS: 0 } as AppConfig));
  }, 170_000);

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    child?.stdin?.end();
    await new Promise((resolve) => (child?.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('ran every migration, the dated and weekly search indexes included', async () => {
    const [dated] = await ds.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_idea_search_dated'`);
    expect(dated.indexdef).toContain('idea_search_document_dated');
    const [weekly] = await ds.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_idea_search_weekly'`);
    expect(weekly.indexdef).toContain('idea_search_document_weekly');
    expect(await ds.showMigrations()).toBe(false);
  });

  it('finds by words in every window, by relevance and newest first', async () => {
    const [person] = (await ds.query(
      `INSERT INTO person (employee_number, given_name, family_name, email) VALUES ('E-1', 'Em', 'Bedded', 'em@eclore.example') RETURNING id`,
    )) as { id: string }[];
    // A bike idea this week, one 60 days and one 400 days ago, 130 recent ones about rooms (enough for
    // the 7-day relevance window), and a draft about bikes that must never show.
    const rows: [string, number, string][] = [
      ['Vélos de service partagés', 2, 'visible'],
      ['Réparer les vélos du parc', 60, 'visible'],
      ['Garage à vélos sécurisé', 400, 'visible'],
      ['Vélo de la direction', 3, 'emerge'],
    ];
    for (let i = 0; i < 130; i++) rows.push([`Salle de réunion numéro ${i}`, 1 + (i % 6), 'visible']);
    const now = Date.now();
    await ds.query(
      `INSERT INTO idea (kind, status, title, summary, body_html, themes, anonymous, author_id, submitted_at, published_at, version)
       SELECT 'problem', s, t, 'Une proposition.', '', '{}', false, $4, p, CASE WHEN s = 'emerge' THEN NULL ELSE p END, 1
       FROM unnest($1::text[], $2::timestamptz[], $3::text[]) AS x(t, p, s)`,
      [rows.map((r) => r[0]), rows.map((r) => new Date(now - r[1] * DAY)), rows.map((r) => r[2]), person!.id],
    );
    const titles = async (query: Parameters<WallService['page']>[0]) =>
      (await wall.page(query)).items.map((i) => i.title);

    // Three matches, fewer than 100 in any window: every window is read, then all, ranked.
    expect((await titles({ q: 'velo' })).sort()).toEqual(
      ['Garage à vélos sécurisé', 'Réparer les vélos du parc', 'Vélos de service partagés'].sort(),
    );
    expect(await titles({ q: 'vélos', sort: 'newest' })).toEqual([
      'Vélos de service partagés',
      'Réparer les vélos du parc',
      'Garage à vélos sécurisé',
    ]);
    // 130 matches in the last week: ranked within the 7-day window, paged without loss.
    const first = await wall.page({ q: 'réunion', limit: 100 });
    expect(first.items).toHaveLength(100);
    const second = await wall.page({ q: 'réunion', limit: 100, cursor: first.nextCursor! });
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(130);
    expect(await titles({ q: 'bikes' })).toEqual([]);
  });

  it('skips the connection warm-up (one shared session) and still searches', async () => {
    await wall.warmUp(4);
    expect((await wall.page({ q: 'garage' })).items.map((i) => i.title)).toEqual(['Garage à vélos sécurisé']);
  });
});
