import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 15): support, comment and follower counts move out of `idea` into a narrow
 * table of their own. Each support used to UPDATE the idea row — a new version of a wide row
 * carrying the search document, so a new entry in every index of idea, the full-text GIN index's
 * pending list included (search SQL measured 47 % slower after 9 000 supports until it was flushed).
 * `idea_counter` holds one row per idea, created by a trigger with the idea; its fillfactor leaves room
 * for HOT updates of the counters that no index covers (comments, follows). The "most supported" wall
 * reads `ix_idea_counter_supported`. No TypeORM entity maps the table (raw SQL reads and writes it;
 * the Idea entity exposes the counts as read-only virtual columns).
 */
export class IdeaCounters1796600000000 implements MigrationInterface {
  name = 'IdeaCounters1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "idea_counter" (
        "idea_id" uuid PRIMARY KEY REFERENCES "idea" ("id") ON DELETE CASCADE,
        "support_count" integer NOT NULL DEFAULT 0,
        "comment_count" integer NOT NULL DEFAULT 0,
        "follower_count" integer NOT NULL DEFAULT 0
      ) WITH (fillfactor = 80)`);
    await queryRunner.query(`
      INSERT INTO "idea_counter" (idea_id, support_count, comment_count, follower_count)
      SELECT id, support_count, comment_count, follower_count FROM "idea"`);
    await queryRunner.query(`
      CREATE FUNCTION idea_counter_create() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO idea_counter (idea_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "idea_counter_create" AFTER INSERT ON "idea"
      FOR EACH ROW EXECUTE FUNCTION idea_counter_create()`);
    await queryRunner.query(`CREATE INDEX "ix_idea_counter_supported" ON "idea_counter" ("support_count", "idea_id")`);
    await queryRunner.query(`DROP INDEX "public"."ix_idea_wall_supported"`);
    await queryRunner.query(`ALTER TABLE "idea" DROP COLUMN "support_count", DROP COLUMN "comment_count", DROP COLUMN "follower_count"`);
    // Bulk-loaded: fresh statistics now rather than when autovacuum gets to it.
    await queryRunner.query(`ANALYZE "idea_counter"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "idea" ADD COLUMN "support_count" integer NOT NULL DEFAULT '0',
        ADD COLUMN "comment_count" integer NOT NULL DEFAULT '0', ADD COLUMN "follower_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`
      UPDATE "idea" i SET support_count = c.support_count, comment_count = c.comment_count, follower_count = c.follower_count
      FROM "idea_counter" c WHERE c.idea_id = i.id`);
    await queryRunner.query(`
      CREATE INDEX "ix_idea_wall_supported" ON "idea" ("support_count", "id")
      WHERE published_at IS NOT NULL AND hidden_at IS NULL AND status NOT IN ('emerge', 'collect', 'returned')`);
    await queryRunner.query(`DROP TRIGGER "idea_counter_create" ON "idea"`);
    await queryRunner.query(`DROP TABLE "idea_counter"`);
    await queryRunner.query(`DROP FUNCTION idea_counter_create()`);
  }
}
