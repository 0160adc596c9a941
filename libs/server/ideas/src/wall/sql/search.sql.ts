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
 * The document with its filter values (migration SearchFilterLexemes, index ix_idea_search_dated):
 * a search with filters but no window ANDs its words with the filter (filterQuery), so the heap is
 * read for the filtered matches only. (It also holds the week of publication, which windows matched
 * through it before WEEKLY_DOCUMENT.) Without a window or a filter the plain document and
 * ix_idea_search_document serve.
 */
export const DATED_DOCUMENT = `idea_search_document_dated(i.search_document, i.published_at, i.kind, i.status, i.campaign_id, i.org_unit_id, i.themes)`;

/**
 * The document with each word joined to the idea's week of publication (`build@2960`), the week
 * itself and the filter values (migration SearchWordsByWeek, index ix_idea_search_weekly). A search
 * bounded in time matches it against its words in each of the window's weeks
 * (search_words_in_weeks), so the posting lists the index reads hold only the window's matches of
 * each word: a window costs what it finds, not what it spans.
 */
export const WEEKLY_DOCUMENT = `idea_search_document_weekly(i.search_document, i.published_at, i.kind, i.status, i.campaign_id, i.org_unit_id, i.themes)`;

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
 * The widest window matched through its weeks: its query repeats the words once per week, so up to
 * 14 weeks; a search that reaches the 365-day window had fewer than 100 matches in 90 days, so its
 * words' own lists are short, and the plain index serves what is older.
 */
export const DATED_WINDOW_MAX_DAYS = 92;
