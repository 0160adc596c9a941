import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 15): the wall's filters inside the full-text index, beside the words and the
 * week of publication.
 *
 * A search with a filter (kind, stage, campaign, unit with its sub-units, theme) read every match of
 * its words from the heap to test the filter there: a unit holds one idea in forty, so a newest-first
 * search in a unit read forty matches for each one it showed, and when a window held too few, every
 * older match (the slowest searches of the bench: 100–180 ms). The dated document now also holds one
 * lexeme per filter value (§k kind, §s stage, §c campaign, §u unit, §t theme), so GIN intersects the
 * words with the filter and the heap is read for the shown ideas' candidates only. The query side is
 * idea_filter_query (a unit stands for its whole subtree: one §u per unit under it).
 *
 * The seven-argument idea_search_document_dated is PL/pgSQL (its themes need a loop an inlined SQL
 * function cannot hold); index expressions run with search_path = pg_catalog on PostgreSQL 17 and
 * PGlite, hence the schema-qualified names. The two-argument one it replaces is dropped with its index.
 */
export class SearchFilterLexemes1796601200000 implements MigrationInterface {
  name = 'SearchFilterLexemes1796601200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION idea_search_document_dated(document tsvector, published_at timestamptz, kind text, status text,
                                                 campaign_id uuid, org_unit_id uuid, themes text[]) RETURNS tsvector
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
      AS $$
      DECLARE
        lexemes text[] := ARRAY['§k' || kind, '§s' || status, '§c' || campaign_id::text, '§u' || org_unit_id::text];
        theme text;
      BEGIN
        IF published_at IS NOT NULL THEN
          lexemes := lexemes || ('§w' || public.idea_week(published_at));
        END IF;
        FOREACH theme IN ARRAY coalesce(themes, '{}') LOOP
          lexemes := lexemes || ('§t' || theme);
        END LOOP;
        RETURN coalesce(document, ''::tsvector) || array_to_tsvector(array_remove(lexemes, NULL));
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION tsquery_escape(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT replace(replace(value, '\\', '\\\\'), '''', '''''') $$`);
    await queryRunner.query(`
      CREATE FUNCTION idea_filter_query(kind text, stage text, campaign_id uuid, org_unit_id uuid, theme text)
      RETURNS tsquery
      LANGUAGE plpgsql STABLE PARALLEL SAFE
      AS $$
      DECLARE
        parts text[] := '{}';
        units text;
        -- A lexeme in tsquery syntax: quoted, with its quotes and backslashes escaped as tsquery
        -- reads them (quote_literal writes E'…' for a backslash, which tsquery does not read).
        lexeme CONSTANT text := $q$'%s'$q$;
      BEGIN
        IF kind IS NOT NULL THEN parts := parts || format(lexeme, public.tsquery_escape('§k' || kind)); END IF;
        IF stage IS NOT NULL THEN parts := parts || format(lexeme, public.tsquery_escape('§s' || stage)); END IF;
        IF campaign_id IS NOT NULL THEN parts := parts || format(lexeme, '§c' || campaign_id); END IF;
        IF theme IS NOT NULL THEN parts := parts || format(lexeme, public.tsquery_escape('§t' || theme)); END IF;
        IF org_unit_id IS NOT NULL THEN
          SELECT string_agg(format(lexeme, '§u' || ou.id), ' | ') INTO units
          FROM public.org_unit ou WHERE org_unit_id = ANY (ou.path);
          parts := parts || ('(' || coalesce(units, quote_literal('§none')) || ')');
        END IF;
        RETURN array_to_string(parts, ' & ')::tsquery;
      END $$`);
    await queryRunner.query(`DROP INDEX "ix_idea_search_dated"`);
    await queryRunner.query(`DROP FUNCTION idea_search_document_dated(tsvector, timestamptz)`);
    await queryRunner.query(
      `CREATE INDEX "ix_idea_search_dated" ON "idea" USING gin (idea_search_document_dated("search_document", "published_at", "kind", "status", "campaign_id", "org_unit_id", "themes"))`,
    );
    await queryRunner.query(`ANALYZE "idea"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_idea_search_dated"`);
    await queryRunner.query(`DROP FUNCTION idea_filter_query(text, text, uuid, uuid, text)`);
    await queryRunner.query(`DROP FUNCTION tsquery_escape(text)`);
    await queryRunner.query(
      `DROP FUNCTION idea_search_document_dated(tsvector, timestamptz, text, text, uuid, uuid, text[])`,
    );
    await queryRunner.query(`
      CREATE FUNCTION idea_search_document_dated(document tsvector, published_at timestamptz) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(document, ''::tsvector)
                || CASE WHEN published_at IS NULL THEN ''::tsvector
                        ELSE array_to_tsvector(ARRAY['§w' || public.idea_week(published_at)]) END $$`);
    await queryRunner.query(
      `CREATE INDEX "ix_idea_search_dated" ON "idea" USING gin (idea_search_document_dated("search_document", "published_at"))`,
    );
  }
}
