import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ValidationFailed, type FieldProblem } from '@eclore/domain';
import { TRENDING_MAX_AGE_SECONDS } from './sql/trending.sql';
import {
  isNewestFirst,
  RELEVANCE_WINDOWS_DAYS,
  TRENDING_RANK_WINDOW,
  type TrendingSegment,
  type WallFilters,
  type WallQueryParams,
  type WallRow,
  type WallSort,
} from './sql/wall.sql';
import { ideaCard } from './idea-card';
import { WallPageCache } from './wall-page-cache';
import { decodeWallCursor, encodeWallCursor, type WallCursor } from './wall-cursor';
import type { WallCardDto, WallPageDto, WallQuery } from './wall.dto';
import { WallRepository, type TrendingGeneration, type WallFilterValue } from './wall.repository';

const DEFAULT_LIMIT = 20;

function toCard(r: WallRow): WallCardDto {
  return {
    ...ideaCard(r, r.kind),
    themes: r.themes,
    publishedAt: r.published_at.toISOString(),
    campaign: r.campaign_id ? { id: r.campaign_id, title: r.campaign_title ?? '' } : null,
    orgUnit: r.org_unit_id ? { id: r.org_unit_id, name: r.org_unit_name ?? '' } : null,
  };
}

/** The wall (public ideas: search, filters, sorts, keyset pages). */
@Injectable()
export class WallService implements OnModuleDestroy {
  private readonly logger = new Logger(WallService.name);
  private refreshing: Promise<unknown> | null = null;

  constructor(
    private readonly wall: WallRepository,
    private readonly pages: WallPageCache,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.refreshing;
  }

  // ---------------------------------------------------------------- the wall

  /**
   * Readies `connections` database connections for the wall before the api takes traffic (issue 15,
   * cold start). A new PostgreSQL backend's first search reads the text search dictionaries' stop
   * words from disk, compiles the PL/pgSQL search functions and plans the named search statements;
   * after a restart under traffic every pool connection paid that on a request (ten first concurrent
   * searches took 290–380 ms against ~100 ms once warm, bench/wall). Each round runs one page per
   * connection at once, so the pool opens them all, through the same code as a request (the same
   * statements, by name), for a word that matches nothing: every window part runs, for nothing; then
   * the three lists' first pages, which plan and read the wall's tables on each connection. Nothing
   * is cached. Not on PGlite (embedded mode), whose connections share one session.
   */
  async warmUp(connections: number): Promise<void> {
    if (!(await this.wall.keepsStatementsPerConnection())) return;
    // A snapshot that went stale while the api was down is recomputed now rather than behind its
    // first requests (3–4 s of a PostgreSQL core at 1M ideas: a restart queued for that long).
    const current = await this.wall.currentGeneration();
    if (!current || this.isStale(current)) await this.refreshTrending();
    const q = 'ecloreprechauffage';
    const lists: WallQuery[] = [{ sort: 'newest' }, { sort: 'trending' }, { sort: 'most_supported' }];
    for (const query of [{ q, sort: 'relevance' }, { q, sort: 'newest' }, ...lists] satisfies WallQuery[])
      await Promise.all(Array.from({ length: connections }, () => this.computePage(query)));
  }

  /** One page of the wall; the same for every viewer, so shared through the short-lived page cache. */
  page(query: WallQuery): Promise<WallPageDto> {
    return this.pages.get(query, () => this.computePage(query));
  }

  private async computePage(query: WallQuery): Promise<WallPageDto> {
    const q = query.q ? query.q : undefined;
    const sort: WallSort = query.sort ?? (q ? 'relevance' : 'newest');
    if (sort === 'relevance' && !q)
      throw new ValidationFailed([
        { field: 'sort', code: 'relevanceNeedsQ', message: 'Sorting by relevance needs words to search (q).' },
      ]);
    await this.checkFilterValues(query);
    const filters: WallFilters = {
      q,
      kind: query.kind,
      stage: query.stage,
      campaignId: query.campaignId,
      orgUnitId: query.orgUnitId,
      theme: query.theme,
    };
    const limit = query.limit ?? DEFAULT_LIMIT;
    const cursor = query.cursor ? decodeWallCursor(query.cursor, sort) : null;
    if (sort === 'trending') return this.trendingPage(filters, limit, cursor);
    if (sort === 'relevance') return this.relevancePage(filters, limit, cursor);

    const rows = await this.rows({ ...filters, sort, limit, after: cursor ?? undefined });
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      items: shown.map(toCard),
      nextCursor: rows.length > limit && last ? encodeWallCursor({ sort, key: last.sort_key, id: last.id }) : null,
      sort,
    };
  }

  /** Snapshot ideas first (score desc), then the other public ideas, newest first. */
  private async trendingPage(filters: WallFilters, limit: number, cursor: WallCursor | null): Promise<WallPageDto> {
    let generation: string | null;
    let segment: TrendingSegment;
    if (cursor) {
      generation = cursor.generation ?? null;
      segment = cursor.segment ?? 'rest';
      if (generation !== null && !(await this.wall.generationExists(generation)))
        throw new ValidationFailed([
          {
            field: 'cursor',
            code: 'expiredCursor',
            message: 'The trending list was recomputed; start again from the first page.',
          },
        ]);
    } else {
      generation = await this.currentGeneration();
      segment = generation === null ? 'rest' : 'hot';
    }
    const base = { ...filters, sort: 'trending' as const, generation };
    return this.twoSegments('trending', limit, cursor, segment, {
      hot: (after, n) => this.rows({ ...base, limit: n, segment: 'hot', after }),
      rest: (after, n) => this.rows({ ...base, limit: n, segment: 'rest', after }),
      cursorExtra: generation ? { generation } : {},
    });
  }

  /**
   * Relevance: the matches of the relevance window ranked by ts_rank, then the older matches, newest
   * first (RELEVANCE_WINDOWS_DAYS in wall.sql.ts says why and how the window is chosen). The window
   * chosen on the first page travels in the cursor, so every page reads the same split.
   */
  private async relevancePage(filters: WallFilters, limit: number, cursor: WallCursor | null): Promise<WallPageDto> {
    const base = { ...filters, sort: 'relevance' as const };
    let since: string | null = cursor ? (cursor.since ?? null) : null;
    let firstHot: WallRow[] | null = null;
    if (!cursor) {
      const now = Date.now();
      const starts = RELEVANCE_WINDOWS_DAYS.map((days) => new Date(now - days * 86_400_000).toISOString());
      const first = await this.wall.relevanceFirstPage({ ...filters, q: filters.q!, limit, since: starts });
      since = starts[RELEVANCE_WINDOWS_DAYS.findIndex((days) => days === first.windowDays)] ?? null;
      firstHot = first.rows;
    }
    return this.twoSegments('relevance', limit, cursor, cursor?.segment ?? 'hot', {
      hot: (after, n) =>
        firstHot && !after ? Promise.resolve(firstHot) : this.rows({ ...base, limit: n, segment: 'hot', since, after }),
      // Every match was ranked: nothing older follows.
      rest: (after, n) =>
        since === null ? Promise.resolve([]) : this.rows({ ...base, limit: n, segment: 'rest', since, after }),
      cursorExtra: since !== null ? { since } : {},
    });
  }

  /**
   * A page of a two-segment listing: the rest of the ranked segment ('hot'), then if the page is not
   * full the start of the 'rest'. Each fetch returns up to n + 1 rows (the extra one says "more").
   */
  private async twoSegments(
    sort: 'trending' | 'relevance',
    limit: number,
    cursor: WallCursor | null,
    segment: TrendingSegment,
    fetch: {
      hot: (after: WallCursor | undefined, n: number) => Promise<WallRow[]>;
      rest: (after: WallCursor | undefined, n: number) => Promise<WallRow[]>;
      cursorExtra: Partial<WallCursor>;
    },
  ): Promise<WallPageDto> {
    const cursorFor = (row: WallRow, seg: TrendingSegment) =>
      encodeWallCursor({ sort, key: row.sort_key, id: row.id, segment: seg, ...fetch.cursorExtra });

    const page: { row: WallRow; segment: TrendingSegment }[] = [];
    let nextCursor: string | null = null;
    if (segment === 'hot') {
      const hot = await fetch.hot(cursor ?? undefined, limit);
      page.push(...hot.slice(0, limit).map((row) => ({ row, segment: 'hot' as const })));
      if (hot.length > limit) nextCursor = cursorFor(hot[limit - 1]!, 'hot');
    }
    if (nextCursor === null) {
      const remaining = limit - page.length;
      const after = segment === 'rest' ? (cursor ?? undefined) : undefined;
      // With remaining = 0 this still reads one row: it says whether a next page exists.
      const rest = await fetch.rest(after, remaining);
      page.push(...rest.slice(0, remaining).map((row) => ({ row, segment: 'rest' as const })));
      const last = page[page.length - 1];
      // More rows exist past this page: continue from the last row shown, in its own segment.
      if (rest.length > remaining && last) nextCursor = cursorFor(last.row, last.segment);
    }
    return { items: page.map((p) => toCard(p.row)), nextCursor, sort };
  }

  private async rows(params: WallQueryParams): Promise<WallRow[]> {
    if (params.sort === 'trending' && params.segment === 'hot' && params.generation)
      return this.trendingHotRows({ ...params, generation: params.generation });
    // Words newest first: window by window back from the cursor (NEWEST_WINDOWS_DAYS says why).
    if (params.q && isNewestFirst(params))
      return this.wall.wallRows({
        ...params,
        windowsFrom: params.after?.key ?? params.since ?? new Date().toISOString(),
      });
    return this.wall.wallRows(params);
  }

  /** The ranked trending segment, a rank window first (TRENDING_RANK_WINDOW in wall.sql.ts says why). */
  private async trendingHotRows(params: WallQueryParams & { generation: string }): Promise<WallRow[]> {
    const windowed = await this.wall.wallRows({ ...params, rankWindow: TRENDING_RANK_WINDOW });
    if (windowed.length > params.limit) return windowed;
    const held = await this.wall.trendingWindowRows(params.generation, TRENDING_RANK_WINDOW, params.after);
    // The window reached the end of the snapshot: its rows are the whole rest of the segment.
    if (held < TRENDING_RANK_WINDOW) return windowed;
    return this.wall.wallRows(params);
  }

  /** A filter naming something that does not exist is a mistake worth saying (400), not an empty wall. */
  private async checkFilterValues(query: WallQuery): Promise<void> {
    const problems: FieldProblem[] = [];
    for (const field of ['campaignId', 'orgUnitId', 'theme'] as const satisfies readonly WallFilterValue[]) {
      const value = query[field];
      if (value === undefined) continue;
      if (!(await this.wall.filterValueExists(field, value)))
        problems.push({ field, code: 'unknownValue', message: `No ${field} with this value.` });
    }
    if (problems.length) throw new ValidationFailed(problems);
  }

  // ---------------------------------------------------------------- trending snapshot

  /** The latest snapshot; the first one is computed now, a stale one is refreshed in the background. */
  private async currentGeneration(): Promise<string | null> {
    const current = await this.wall.currentGeneration();
    if (!current) {
      await this.refreshTrending();
      return (await this.wall.currentGeneration())?.generation ?? null;
    }
    if (this.isStale(current) && this.refreshing === null) {
      this.refreshing = this.refreshTrending()
        .catch((err: unknown) => this.logger.warn(`trending refresh failed: ${String(err)}`))
        .finally(() => {
          this.refreshing = null;
        });
    }
    return current.generation;
  }

  private isStale(generation: TrendingGeneration): boolean {
    return Date.now() - generation.computed_at.getTime() > TRENDING_MAX_AGE_SECONDS * 1000;
  }

  /**
   * Computes a new trending snapshot unless another process is computing one (advisory lock).
   * Public so that a scheduler or a test can call it; returns whether this call computed it.
   */
  refreshTrending(): Promise<boolean> {
    return this.wall.refreshTrending();
  }
}
