import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 15): the trending snapshot's rows without a foreign key to their generation.
 *
 * The refresh (wall/sql/trending.sql.ts) writes every generation's rows in the statement that creates
 * it and deletes old generations' rows itself, so the key protected nothing, while it cost one check
 * per row: 220 000 per refresh at 1M ideas, 1.0–1.4 s of the refresh's 3.5–4.4 s on one core, every
 * five minutes (the same reasoning that left out a key to `idea`, migration WallIndexes).
 */
export class TrendingWithoutGenerationKey1796601400000 implements MigrationInterface {
  name = 'TrendingWithoutGenerationKey1796601400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idea_trending" DROP CONSTRAINT "idea_trending_generation_fkey"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "idea_trending" ADD CONSTRAINT "idea_trending_generation_fkey" FOREIGN KEY ("generation") REFERENCES "idea_trending_generation" ("generation") ON DELETE CASCADE`,
    );
  }
}
