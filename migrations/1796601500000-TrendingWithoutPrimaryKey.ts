import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 15): the trending snapshot without its primary key (generation, idea_id).
 *
 * `ix_idea_trending_probe` (idea_id, generation), UNIQUE, already holds each (idea, generation) once,
 * and no read goes through the key (the pages read `ix_idea_trending_rank` and the probe; deleting old
 * generations reads the rank index's leading `generation`). Each refresh still wrote its 220 000 rows
 * into it at 1M ideas: without it, and with the rows written in idea order (REFRESH_TRENDING), a
 * refresh took 2.1 s instead of 3.9 s on one core (docs/performance.md), every five minutes.
 */
export class TrendingWithoutPrimaryKey1796601500000 implements MigrationInterface {
  name = 'TrendingWithoutPrimaryKey1796601500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idea_trending" DROP CONSTRAINT "idea_trending_pkey"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idea_trending" ADD PRIMARY KEY ("generation", "idea_id")`);
  }
}
