import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 15): the wall search's two query-side functions in PL/pgSQL, same results.
 *
 * search_words_query and idea_weeks (migration SearchByWeek) were SQL functions with a FROM clause,
 * which PostgreSQL cannot inline: called with constants, the planner evaluates them while planning,
 * and each call parses and plans the function's body again (about 0.15 ms for search_words_query; a
 * windowed search names it five times). A PL/pgSQL function is compiled once per connection and
 * keeps its plans: the same call costs 0.06 ms. Neither function is in an index expression, so
 * replacing them touches no index.
 */
export class SearchFunctionsPlpgsql1796601100000 implements MigrationInterface {
  name = 'SearchFunctionsPlpgsql1796601100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_words_query(words text) RETURNS tsquery
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
      AS $$
      DECLARE
        fr tsquery := websearch_to_tsquery('french', public.unaccent_immutable(words));
        en tsquery := websearch_to_tsquery('english', public.unaccent_immutable(words));
      BEGIN
        RETURN CASE WHEN numnode(fr) = 0 THEN en
                    WHEN numnode(en) = 0 THEN fr
                    WHEN fr::text ~ '[|!<]' OR en::text ~ '[|!<]' THEN fr || en
                    WHEN en @> fr THEN fr
                    WHEN fr @> en THEN en
                    ELSE fr || en END;
      END $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION idea_weeks(since timestamptz, until timestamptz) RETURNS tsquery
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
      AS $$
      BEGIN
        RETURN (SELECT coalesce(string_agg(quote_literal('§w' || w), ' | '), quote_literal('§none'))::tsquery
                FROM generate_series(public.idea_week(since), public.idea_week(until)) w);
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION search_words_query(words text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT CASE WHEN numnode(fr) = 0 THEN en
                        WHEN numnode(en) = 0 THEN fr
                        WHEN fr::text ~ '[|!<]' OR en::text ~ '[|!<]' THEN fr || en
                        WHEN en @> fr THEN fr
                        WHEN fr @> en THEN en
                        ELSE fr || en END
            FROM (SELECT websearch_to_tsquery('french', public.unaccent_immutable(words)) AS fr,
                         websearch_to_tsquery('english', public.unaccent_immutable(words)) AS en) q $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION idea_weeks(since timestamptz, until timestamptz) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT coalesce(string_agg(quote_literal('§w' || w), ' | '), quote_literal('§none'))::tsquery
            FROM generate_series(public.idea_week(since), public.idea_week(until)) w $$`);
  }
}
