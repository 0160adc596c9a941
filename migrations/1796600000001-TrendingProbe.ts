import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 15): looking one idea up in the trending snapshot. The primary key leads with
 * the generation, and ix_idea_trending_rank (generation, score, idea_id) covers the score, so on a
 * statistic that believes a generation holds no rows the planner can pick the rank index for a
 * per-idea probe and walk the whole generation at every probe. This index leads with the idea and
 * carries the score: a probe written `t.idea_id = i.id AND t.generation + 0 = g` (wall.sql.ts) has no
 * other index to use, whatever the statistics say.
 */
export class TrendingProbe1796600000001 implements MigrationInterface {
  name = 'TrendingProbe1796600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ix_idea_trending_probe" ON "idea_trending" ("idea_id", "generation") INCLUDE ("score")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_idea_trending_probe"`);
  }
}
