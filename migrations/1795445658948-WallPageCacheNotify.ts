import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: tells every api process, on commit, that the wall's shared page cache is stale
 * (libs/server/ideas/src/wall/wall-page-cache.ts). One NOTIFY per statement (not per row), and only
 * for the columns a wall card or the wall's visibility depends on: support and comment counters change
 * all the time and are allowed to lag by the cache's TTL.
 */
export class WallPageCacheNotify1795445658948 implements MigrationInterface {
  name = 'WallPageCacheNotify1795445658948';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION idea_wall_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('eclore_wall_changed', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "idea_wall_changed"
      AFTER INSERT OR DELETE OR UPDATE OF kind, status, title, summary, org_unit_id, themes, campaign_id,
        published_at, withdrawn_at, hidden_at, merged_into_id
      ON "idea" FOR EACH STATEMENT EXECUTE FUNCTION idea_wall_changed_notify()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "idea_wall_changed" ON "idea"`);
    await queryRunner.query(`DROP FUNCTION idea_wall_changed_notify()`);
  }
}
