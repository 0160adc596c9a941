import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 15): a search bounded in time matches each of its words within a week.
 *
 * The dated document (SearchByWeek, SearchFilterLexemes) matched a window as words AND (week₁ | … |
 * weekₙ). GIN leads with its shortest posting lists: for common words, the weeks' own, so the 30-to-
 * 90-day window decoded every idea of its nine weeks (58 000 at 1M ideas) to find 84 matches, 7–11 ms
 * of CPU, whatever the words. The weekly document holds each word with its week (`build@2960`), so
 * the window's query (search_words_in_weeks) is, week by week, the words suffixed with that week: the
 * posting lists GIN reads hold only the window's matches of each word (measured on the bench's
 * million ideas: 7.3 → 1.0 ms and 4.8 → 0.7 ms for two 30-to-90-day windows).
 *
 * Each week's branch also requires the week itself (`§w…`), so a query that only excludes words (a
 * "-word" search) still keeps to the window; the filter lexemes (§k, §s, §c, §u, §t) stay as they are
 * and are ANDed by the caller. Positions are kept (phrase searches). Not for prefix queries (`:*`),
 * which websearch_to_tsquery never writes. The dated index stays for filtered searches without a
 * window. Index expressions run with search_path = pg_catalog (PostgreSQL 17, PGlite): every name is
 * schema-qualified.
 */
export class SearchWordsByWeek1796601300000 implements MigrationInterface {
  name = 'SearchWordsByWeek1796601300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A tsvector's or tsquery's text writes each lexeme quoted, its own quotes doubled: the pattern
    // takes one whole lexeme, and the replacement adds the week inside its quotes.
    await queryRunner.query(`
      CREATE FUNCTION idea_search_document_weekly(document tsvector, published_at timestamptz, kind text, status text,
                                                  campaign_id uuid, org_unit_id uuid, themes text[]) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT pg_catalog.regexp_replace(coalesce(document, ''::tsvector)::text, '''((?:[^'']|'''')*)''',
                                             '''\\1@' || coalesce(public.idea_week(published_at)::text, '') || '''', 'g')::tsvector
                   || public.idea_search_document_dated(NULL, published_at, kind, status, campaign_id, org_unit_id, themes) $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_words_in_weeks(words tsquery, since timestamptz, until timestamptz) RETURNS tsquery
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
      AS $$
      BEGIN
        RETURN (SELECT coalesce(string_agg(quote_literal('§w' || w) || ' & (' ||
                                           pg_catalog.regexp_replace(words::text, '''((?:[^'']|'''')*)''', '''\\1@' || w || '''', 'g') || ')',
                                           ' | '),
                                quote_literal('§none'))::tsquery
                FROM generate_series(public.idea_week(since), public.idea_week(until)) w
                WHERE pg_catalog.numnode(words) > 0);
      END $$`);
    await queryRunner.query(
      `CREATE INDEX "ix_idea_search_weekly" ON "idea" USING gin (idea_search_document_weekly("search_document", "published_at", "kind", "status", "campaign_id", "org_unit_id", "themes"))`,
    );
    await queryRunner.query(`ANALYZE "idea"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_idea_search_weekly"`);
    await queryRunner.query(`DROP FUNCTION search_words_in_weeks(tsquery, timestamptz, timestamptz)`);
    await queryRunner.query(
      `DROP FUNCTION idea_search_document_weekly(tsvector, timestamptz, text, text, uuid, uuid, text[])`,
    );
  }
}
