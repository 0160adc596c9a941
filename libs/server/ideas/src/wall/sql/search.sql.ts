// The wall search's SQL fragments: the words matched, and the document with its weeks for a window.

/**
 * A search in French OR English, accents ignored, inflection removed by each language's stemmer
 * ("vélos" and "velo" → velo; "bikes" → bike). websearch_to_tsquery never fails on user syntax.
 * search_words_query (migration SearchByWeek) drops a half that the other implies.
 * A scalar subquery, so it is computed once per statement: search statements run with a generic
 * plan (WallRepository), where a function of a parameter is not folded while planning, and
 * ts_rank(…, search_words_query($1)) recomputed the words for every match ranked (5 ms for 766).
 */
export const searchQuery = (param: string): string => `(SELECT search_words_query(${param}))`;

/**
 * The document with the idea's week of publication and its filter values (migrations SearchByWeek
 * and SearchFilterLexemes, index ix_idea_search_dated). A search bounded in time matches it against
 * the words AND the window's weeks, so the index itself keeps only the window's matches: the weeks'
 * short posting lists lead, a broad word's long one is only probed; a filtered search also ANDs its
 * filter (filterQuery), so the heap is read for the filtered matches only. Without a window or a
 * filter the plain document and ix_idea_search_document serve.
 */
export const DATED_DOCUMENT = `idea_search_document_dated(i.search_document, i.published_at, i.kind, i.status, i.campaign_id, i.org_unit_id, i.themes)`;

/** The wall's filters a search can hand to the index (DATED_DOCUMENT). */
export interface IndexedFilters {
  kind?: string;
  stage?: string;
  campaignId?: string;
  orgUnitId?: string;
  theme?: string;
}

/**
 * The filters as a tsquery over DATED_DOCUMENT's filter lexemes (idea_filter_query: a unit stands
 * for its whole subtree), or null without any; `param` binds a value. Computed once per statement.
 */
export function filterQuery(f: IndexedFilters, param: (value: unknown) => string): string | null {
  const values = [f.kind, f.stage, f.campaignId, f.orgUnitId, f.theme];
  if (values.every((v) => v === undefined || v === '')) return null;
  const [kind, stage, campaign, unit, theme] = values.map((v) => (v ? param(v) : 'NULL'));
  return `(SELECT idea_filter_query(${kind}, ${stage}, ${campaign}::uuid, ${unit}::uuid, ${theme}))`;
}

/**
 * The widest window matched through its weeks. GIN leads with its shortest posting lists, one week
 * at a time: over 13 weeks their union (90 000 ideas at 1M) is still no longer than a broad word's
 * list, over 52 it is a third of the table; and a search that reaches the 365-day window had fewer
 * than 100 matches in 90 days, so its words' own lists are short.
 */
export const DATED_WINDOW_MAX_DAYS = 92;
