/**
 * The pieces every wall query is built from: what "public" means, the card's columns and details,
 * the filters, and bound parameters (wall.sql.ts and search-windows.sql.ts assemble them). Every
 * query is built from fixed fragments; user input only ever travels as a bound parameter.
 */
import { DATED_DOCUMENT, WEEKLY_DOCUMENT } from './search.sql';

/**
 * On the wall: the SQL twin of the domain's `isPublic` (published, not hidden, not back in the
 * authors' or the checker's hands). wall.int-spec.ts checks that both agree on every status. The
 * partial index ix_idea_wall_supported repeats this predicate word for word so the planner can use it.
 */
export const PUBLIC_IDEA = `i.published_at IS NOT NULL AND i.hidden_at IS NULL AND i.status NOT IN ('emerge', 'collect', 'returned')`;

/** A window of publication, as SQL expressions (bound parameters, now()). */
export interface TimeWindow {
  since: string;
  until: string;
  /** Whether the words are matched with the window's weeks (DATED_WINDOW_MAX_DAYS). */
  dated: boolean;
}

export interface WallFilters {
  q?: string;
  kind?: string;
  stage?: string;
  campaignId?: string;
  orgUnitId?: string;
  theme?: string;
}

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/**
 * An idea's counters (`n`), from their own narrow table (migration IdeaCounters): a support or a
 * comment never rewrites the idea row and its search index. Every idea has its row (made by a
 * trigger with the idea); the coalesce only keeps a card whole if one were missing.
 */
export const COUNTER_JOIN = `LEFT JOIN idea_counter n ON n.idea_id = i.id`;

export const COUNTER_COLUMNS = `coalesce(n.support_count, 0) AS support_count, coalesce(n.comment_count, 0) AS comment_count`;

/**
 * The idea's own columns of a wall card. No author column is ever selected: the wall shows nobody's name.
 * The campaign's title, the unit's name and the counters are joined after the page's LIMIT
 * (withCardDetails): joined inside, they were looked up for every match a search sorts or a filter
 * tests (785 rows for "vélos" in its 30-day window), not just for the page's 21 rows.
 */
export const CARD_COLUMNS = `
  i.id, i.kind, i.status, i.title, i.summary, i.themes, i.published_at, i.campaign_id, i.org_unit_id`;

/**
 * A page (`page`, with CARD_COLUMNS and its sort columns, already limited) with the rest of each card.
 * `order` repeats the page's order on the subquery's columns (a join keeps no order).
 */
export interface CardDetails {
  /** False when the page already carries the counters (most supported reads them first). */
  counters?: boolean;
  /** The page's WITH clause. */
  ctes?: string;
  /** A one-row relation whose `columns` join every row, and that keeps one row when the page is empty. */
  alongside?: { from: string; columns: string };
}

export function withCardDetails(
  page: string,
  order: string,
  { counters = true, ctes, alongside }: CardDetails = {},
): string {
  const n = counters ? `, ${COUNTER_COLUMNS}` : '';
  return `${ctes ? `WITH ${ctes}\n` : ''}SELECT ${alongside ? `${alongside.columns}, ` : ''}w.*, c.title AS campaign_title, u.name AS org_unit_name${n}
    FROM ${alongside ? `${alongside.from} LEFT JOIN (${page}) w ON true` : `(${page}) w`}
    LEFT JOIN campaign c ON c.id = w.campaign_id
    LEFT JOIN org_unit u ON u.id = w.org_unit_id
    ${counters ? 'LEFT JOIN idea_counter n ON n.idea_id = w.id' : ''}
    ORDER BY ${order}`;
}

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The words matched in the index. Within a window of weeks (`window.dated`), each word with its week
 * in WEEKLY_DOCUMENT (search_words_in_weeks, computed once per statement), the filters ANDed; with
 * filters only, the words and the filters in DATED_DOCUMENT; otherwise the plain document.
 */
export function wordsCondition(words: string, filters: string | null, window?: TimeWindow): string {
  const also = filters ? ` && ${filters}` : '';
  if (window?.dated)
    return `${WEEKLY_DOCUMENT} @@ ((SELECT search_words_in_weeks(${words}, ${window.since}, ${window.until}))${also})`;
  return filters ? `${DATED_DOCUMENT} @@ (${words}${also})` : `i.search_document @@ ${words}`;
}

/**
 * The filters that narrow a listing beyond "public": kind, stage, campaign, unit (with its subtree),
 * theme, as conditions on the row. For listings without words; with words, filterQuery matches the
 * same filters inside the full-text index (exact lexemes), and these are not repeated.
 */
export function narrowing(f: WallFilters, p: Params): string[] {
  const where: string[] = [];
  if (f.kind) where.push(`i.kind = ${p.add(f.kind)}`);
  if (f.stage) where.push(`i.status = ${p.add(f.stage)}`);
  if (f.campaignId) where.push(`i.campaign_id = ${p.add(f.campaignId)}::uuid`);
  // The unit and its whole subtree (org_unit.path lists a unit's ancestors and itself).
  if (f.orgUnitId)
    where.push(`i.org_unit_id IN (SELECT ou.id FROM org_unit ou WHERE ${p.add(f.orgUnitId)}::uuid = ANY (ou.path))`);
  if (f.theme) where.push(`i.themes @> ARRAY[${p.add(f.theme)}::text]`);
  return where;
}
