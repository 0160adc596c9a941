import type { QueryRunner } from 'typeorm';

// Part of migration 1795432683723-Ideas, moved here with its SQL unchanged. Not a migration itself:
// migrations/list.ts names the migrations TypeORM runs.

/** The idea search document (its function, trigger and GIN index) and the title trigram index. */
export async function createIdeasSearch(queryRunner: QueryRunner): Promise<void> {
  // Hand-written: accent- and inflection-insensitive search in French and English.
  // unaccent() is only STABLE, so the document is kept by a trigger rather than a generated column.
  await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
  await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  await queryRunner.query(`
            CREATE FUNCTION idea_search_document(title text, summary text, body text) RETURNS tsvector
            LANGUAGE sql STABLE AS $$
                SELECT setweight(to_tsvector('french', unaccent(coalesce(title, ''))), 'A')
                    || setweight(to_tsvector('english', unaccent(coalesce(title, ''))), 'A')
                    || setweight(to_tsvector('french', unaccent(coalesce(summary, ''))), 'B')
                    || setweight(to_tsvector('english', unaccent(coalesce(summary, ''))), 'B')
                    || setweight(to_tsvector('french', unaccent(regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'))), 'C')
                    || setweight(to_tsvector('english', unaccent(regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'))), 'C')
            $$
        `);
  await queryRunner.query(`
            CREATE FUNCTION idea_search_document_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.search_document := idea_search_document(NEW.title, NEW.summary, NEW.body_html);
                RETURN NEW;
            END $$
        `);
  await queryRunner.query(`
            CREATE TRIGGER "idea_search_document" BEFORE INSERT OR UPDATE OF title, summary, body_html ON "idea"
            FOR EACH ROW EXECUTE FUNCTION idea_search_document_refresh()
        `);
  await queryRunner.query(`CREATE INDEX "ix_idea_search_document" ON "idea" USING gin ("search_document")`);
  await queryRunner.query(`
            CREATE FUNCTION unaccent_immutable(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
            $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
        `);
  await queryRunner.query(
    `CREATE INDEX "ix_idea_title_trgm" ON "idea" USING gin (lower(unaccent_immutable(title)) gin_trgm_ops)`,
  );
}

/** Drops them again, in reverse order. */
export async function dropIdeasSearch(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP INDEX "public"."ix_idea_title_trgm"`);
  await queryRunner.query(`DROP FUNCTION unaccent_immutable(text)`);
  await queryRunner.query(`DROP INDEX "public"."ix_idea_search_document"`);
  await queryRunner.query(`DROP TRIGGER "idea_search_document" ON "idea"`);
  await queryRunner.query(`DROP FUNCTION idea_search_document_refresh()`);
  await queryRunner.query(`DROP FUNCTION idea_search_document(text, text, text)`);
}
