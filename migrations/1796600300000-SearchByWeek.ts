import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 15): a search narrowed to a window of time inside the full-text index.
 *
 * The wall ranks a broad search's recent matches only (RELEVANCE_WINDOWS_DAYS in wall.sql.ts) and
 * reads newest-first searches window by window, but ix_idea_search_document knows nothing of time:
 * PostgreSQL built a bitmap of EVERY match (111 000 ideas for "agents de terrain" at 1M ideas, lossy
 * beyond work_mem, then re-checked on the heap) before intersecting it with the window. This index
 * holds the same document plus one lexeme for the idea's week of publication ("§w" + weeks since
 * 1970), so a query `document @@ (words && (§w2900 | §w2901 | …))` lets the index itself intersect
 * the words with the window's weeks: the posting lists of the few weeks lead, the words' long lists
 * are only probed, and the bitmap holds the window's matches alone. Plain core PostgreSQL (GIN over
 * tsvector): nothing an embedded (PGlite) database lacks.
 *
 * search_words_query (the wall's words as a tsquery, French OR English) drops the half that only adds
 * a condition: "agents de terrain" is 'agent' & 'terrain' in French, 'agent' & 'de' & 'terrain' in
 * English, and the English AND implies the French one; but GIN still walked the posting list of 'de'
 * (in two ideas of three: the document holds the English stemming of French text too). Only for
 * queries made of ANDs alone, where "every lexeme of one is in the other" means "implies".
 *
 * The functions name each other with their schema: PostgreSQL 17 (and PGlite, embedded mode) computes
 * index expressions during CREATE INDEX, ANALYZE and VACUUM with search_path = pg_catalog.
 *
 * idea_week is IMMUTABLE although extract() on a timestamptz is STABLE: the epoch does not depend on
 * the time zone (the only reason that extract is not immutable), so the week of an instant is fixed.
 */
export class SearchByWeek1796600300000 implements MigrationInterface {
  name = 'SearchByWeek1796600300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION idea_week(at timestamptz) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT floor(extract(epoch FROM at) / 604800)::integer $$`);
    await queryRunner.query(`
      CREATE FUNCTION idea_search_document_dated(document tsvector, published_at timestamptz) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(document, ''::tsvector)
                || CASE WHEN published_at IS NULL THEN ''::tsvector
                        ELSE array_to_tsvector(ARRAY['§w' || public.idea_week(published_at)]) END $$`);
    // The weeks from one instant to another, as a tsquery (one OR per week).
    await queryRunner.query(`
      CREATE FUNCTION idea_weeks(since timestamptz, until timestamptz) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT coalesce(string_agg(quote_literal('§w' || w), ' | '), quote_literal('§none'))::tsquery
            FROM generate_series(public.idea_week(since), public.idea_week(until)) w $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_words_query(words text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT CASE WHEN numnode(fr) = 0 THEN en
                        WHEN numnode(en) = 0 THEN fr
                        WHEN fr::text ~ '[|!<]' OR en::text ~ '[|!<]' THEN fr || en
                        WHEN en @> fr THEN fr
                        WHEN fr @> en THEN en
                        ELSE fr || en END
            FROM (SELECT websearch_to_tsquery('french', public.unaccent_immutable(words)) AS fr,
                         websearch_to_tsquery('english', public.unaccent_immutable(words)) AS en) q $$`);
    await queryRunner.query(
      `CREATE INDEX "ix_idea_search_dated" ON "idea" USING gin (idea_search_document_dated("search_document", "published_at"))`,
    );
    await queryRunner.query(`ANALYZE "idea"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_idea_search_dated"`);
    await queryRunner.query(`DROP FUNCTION search_words_query(text)`);
    await queryRunner.query(`DROP FUNCTION idea_weeks(timestamptz, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION idea_search_document_dated(tsvector, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION idea_week(timestamptz)`);
  }
}
