import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (indexes TypeORM cannot express, declared `synchronize: false` on the entities; tables
 * only raw SQL reads): what the wall needs to answer in under 50 ms at 1M ideas and 10M supports.
 * See libs/server/ideas/src/wall/sql and docs/performance.md.
 */
export class WallIndexes1795432990000 implements MigrationInterface {
  name = 'WallIndexes1795432990000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // "Most supported" first page and keyset, public ideas only (same predicate as PUBLIC_IDEA in wall/sql).
    await queryRunner.query(`
      CREATE INDEX "ix_idea_wall_supported" ON "idea" ("support_count", "id")
      WHERE published_at IS NOT NULL AND hidden_at IS NULL AND status NOT IN ('emerge', 'collect', 'returned')`);
    // Theme filter: themes @> ARRAY[$theme].
    await queryRunner.query(`CREATE INDEX "ix_idea_themes" ON "idea" USING gin ("themes")`);
    // Trending refresh reads the last 14 days of supports: an index-only range scan.
    await queryRunner.query(`CREATE INDEX "ix_support_created" ON "support" ("created_at", "idea_id")`);
    // Trending snapshots (wall/sql/trending.sql.ts). A few generations are kept so that a cursor taken
    // on one snapshot keeps paging through that same snapshot after a refresh.
    await queryRunner.query(`
      CREATE TABLE "idea_trending_generation" (
        "generation" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "computed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // No foreign key to idea: the snapshot is joined to idea on every read, and 200k FK checks per
    // refresh would cost more than they protect.
    await queryRunner.query(`
      CREATE TABLE "idea_trending" (
        "generation" bigint NOT NULL REFERENCES "idea_trending_generation" ("generation") ON DELETE CASCADE,
        "idea_id" uuid NOT NULL,
        "score" double precision NOT NULL,
        PRIMARY KEY ("generation", "idea_id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_idea_trending_rank" ON "idea_trending" ("generation", "score", "idea_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idea_trending"`);
    await queryRunner.query(`DROP TABLE "idea_trending_generation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_support_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_idea_themes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_idea_wall_supported"`);
  }
}
