import { createHash } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { ValidationFailed } from '@eclore/domain';
import { keepsStatementsPerConnection } from '@eclore/server-platform';
import type { LinkKind } from './wall.dto';
import { DELETE_LINK, FIND_LINK, INSERT_LINK, LINKED_IDEAS } from './sql/links.sql';
import {
  ANALYZE_TRENDING,
  CURRENT_GENERATION,
  GENERATION_EXISTS,
  REFRESH_TRENDING,
  TRENDING_LOCK,
} from './sql/trending.sql';
import {
  buildRelevanceFirstPage,
  buildTrendingWindowCount,
  buildWallQuery,
  CAMPAIGN_EXISTS,
  ORG_UNIT_EXISTS,
  THEME_EXISTS,
  type IdeaCardRow,
  isNewestFirst,
  type RelevanceFirstPageParams,
  type WallQueryParams,
  type WallRow,
} from './sql/wall.sql';
import { IdeasContextRepository } from '../repository';
import { SearchConnections } from './search-connections';

/** The latest trending snapshot. */
export interface TrendingGeneration {
  generation: string;
  computed_at: Date;
}

/** A public idea linked to another, either way, as a card. */
export interface LinkedIdeaRow extends Omit<IdeaCardRow, 'kind'> {
  kind: LinkKind;
  direction: 'outgoing' | 'incoming';
  idea_kind: 'problem' | 'solution';
}

/** What a wall filter names: a campaign, an org unit or a theme. */
export type WallFilterValue = 'campaignId' | 'orgUnitId' | 'theme';

const FILTER_VALUE_EXISTS: Record<WallFilterValue, string> = {
  campaignId: CAMPAIGN_EXISTS,
  orgUnitId: ORG_UNIT_EXISTS,
  theme: THEME_EXISTS,
};

/** The link between two ideas, one relation whichever side a "similar" link was made from. */
export interface LinkKey {
  fromId: string;
  toId: string;
  kind: LinkKind;
}

/**
 * How long one statement of a search may run (issue 15): a pathological search must not hold a core
 * while the requests behind it queue; the caller answers "narrow your search" instead. Ten times the
 * slowest search measured on the bench's million ideas under load.
 */
export const SEARCH_STATEMENT_TIMEOUT_MS = 2000;

/** PostgreSQL's code for a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

/** Every query of the wall: its pages, the trending snapshot, similar ideas and links between ideas. */
@Injectable()
export class WallRepository extends IdeasContextRepository implements OnModuleDestroy {
  /** SEARCH_STATEMENT_TIMEOUT_MS; a test shortens it. */
  searchTimeoutMs = SEARCH_STATEMENT_TIMEOUT_MS;

  /** Where searches run on a server with a session per connection; opened at the first search. */
  readonly searchConnections = new SearchConnections(this.ds, () => this.searchTimeoutMs);

  /** Closes the search connections (the data source closes the others). */
  async onModuleDestroy(): Promise<void> {
    await this.searchConnections.end();
  }

  /** A page's rows; with words, bounded by the search timeout (then a ValidationFailed on `q`). */
  async wallRows(params: WallQueryParams): Promise<WallRow[]> {
    const { text, values } = buildWallQuery(params);
    if (!params.q) return this.ds.query<WallRow[]>(text, values);
    // A generic plan for the statements of the search windows only (the wall's search tests run
    // them so); trending and most supported with words keep plans made for their values, the plans
    // their guard (wall-plans.int-spec.ts) explains.
    return this.search(text, values, { generic: params.sort === 'relevance' || isNewestFirst(params) });
  }

  /**
   * The first page of a relevance search and the window it ranked (days; null: every match), chosen
   * in the same statement (buildRelevanceFirstPage).
   */
  async relevanceFirstPage(params: RelevanceFirstPageParams): Promise<{ rows: WallRow[]; windowDays: number | null }> {
    const { text, values } = buildRelevanceFirstPage(params);
    const rows = await this.search(text, values, { generic: true });
    return { rows: rows.filter((r) => r.id !== null), windowDays: rows[0]?.window_days ?? null };
  }

  /** A search statement, bounded by the search timeout (then a ValidationFailed on `q`). */
  private async search(text: string, values: unknown[], { generic }: { generic: boolean }): Promise<WallRow[]> {
    // Asked before the transaction: on PGlite a query on another connection inside it would wait forever.
    const ownSessions = await this.keepsStatementsPerConnection();
    try {
      if (ownSessions) {
        // A generic plan is used by name: `generic` statements are prepared once per connection.
        const name = generic ? `wall_${createHash('sha1').update(text).digest('hex').slice(0, 24)}` : undefined;
        return await this.searchConnections.query<WallRow>(text, values, name);
      }
      // PGlite: one session for every connection, so the search connections' settings are set
      // local to a transaction (they never outlive it), and each search is planned for its values.
      return await this.ds.transaction(async (manager) => {
        await manager.query(
          `SELECT set_config('statement_timeout', $1, true), set_config('max_parallel_workers_per_gather', '0', true),
                  set_config('jit', 'off', true)`,
          [String(Math.max(1, Math.floor(this.searchTimeoutMs)))],
        );
        return manager.query<WallRow[]>(text, values);
      });
    } catch (err) {
      const e = err as { code?: string; driverError?: { code?: string } };
      if ((e.driverError?.code ?? e.code) !== QUERY_CANCELED) throw err;
      throw new ValidationFailed([
        {
          field: 'q',
          code: 'searchTooBroad',
          message: 'This search takes too long to answer: add words or a filter to narrow it.',
        },
      ]);
    }
  }

  /**
   * Search statements are prepared under a name, once per connection, and run with a generic plan:
   * their text depends only on which filters and windows a search uses, never on its words (bound
   * parameters), so a few hundred texts serve every search, and the 1–2 ms of planning a windowed
   * search took (four window parts, each with its index paths) is paid once. Not on PGlite (embedded
   * mode): its connections share one session (scripts/embedded/databases.mjs), where a name one
   * connection prepared already exists for the next.
   */
  keepsStatementsPerConnection(): Promise<boolean> {
    return keepsStatementsPerConnection(this.ds);
  }

  /** How many snapshot rows follow `after` in rank order, counting up to `rankWindow`. */
  async trendingWindowRows(
    generation: string,
    rankWindow: number,
    after?: { key: string; id: string },
  ): Promise<number> {
    const { text, values } = buildTrendingWindowCount(generation, rankWindow, after);
    const [row] = await this.ds.query<{ n: number }[]>(text, values);
    return row?.n ?? 0;
  }

  async filterValueExists(filter: WallFilterValue, value: string): Promise<boolean> {
    return (await this.ds.query<unknown[]>(FILTER_VALUE_EXISTS[filter], [value])).length > 0;
  }

  async currentGeneration(): Promise<TrendingGeneration | null> {
    const [current] = await this.ds.query<TrendingGeneration[]>(CURRENT_GENERATION);
    return current ?? null;
  }

  async generationExists(generation: string): Promise<boolean> {
    return (await this.ds.query<unknown[]>(GENERATION_EXISTS, [generation])).length > 0;
  }

  /**
   * Computes a new trending snapshot (and its planner statistics) unless another process holds the
   * advisory lock; answers whether it did.
   */
  refreshTrending(): Promise<boolean> {
    return this.ds.transaction(async (manager) => {
      const [lock] = await manager.query<{ locked: boolean }[]>(TRENDING_LOCK);
      if (!lock?.locked) return false;
      await manager.query(REFRESH_TRENDING);
      await manager.query(ANALYZE_TRENDING);
      return true;
    });
  }

  linkedIdeas(ideaId: string): Promise<LinkedIdeaRow[]> {
    return this.ds.query<LinkedIdeaRow[]>(LINKED_IDEAS, [ideaId]);
  }

  async linkExists(link: LinkKey, manager: EntityManager): Promise<boolean> {
    return (await manager.query<unknown[]>(FIND_LINK, [link.fromId, link.toId, link.kind])).length > 0;
  }

  async insertLink(link: LinkKey, createdBy: string, manager: EntityManager): Promise<void> {
    await manager.query(INSERT_LINK, [link.fromId, link.toId, link.kind, createdBy]);
  }

  /** Answers whether a link was there to delete. */
  async deleteLink(link: LinkKey, manager: EntityManager): Promise<boolean> {
    const [, deleted] = (await manager.query(DELETE_LINK, [link.fromId, link.toId, link.kind])) as [unknown, number];
    return deleted > 0;
  }
}
