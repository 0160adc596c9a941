import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 14): what the annual report's figures need at 200 000 staff and a year of
 * 50 000 ideas (bench:annual-report, docs/performance.md "Annual report").
 *
 * idea_event holds every act on an idea, and most are not transitions (supports, comments, team and
 * project steps: 85 % of the bench's 1.7M events). The report's cohort follows each idea's
 * transitions only (to_status IS NOT NULL); through ix_idea_event_idea it fetched every event of each
 * of 50 000 ideas from the heap to keep one in seven (3.0 s). Two partial indexes over the
 * transitions alone, covering what the queries read (index-only scans):
 *  - ix_idea_event_status_change: an idea's transitions in time order (the cohort's furthest step,
 *    first answer, decision, withdrawal);
 *  - ix_idea_event_transition_type: the transitions of one type over a period (first submissions,
 *    go-lives), instead of a scan of the whole history.
 * Only transitions are indexed, so the write-heavy events (supports) cost nothing more.
 */
export class AnnualReportIndexes1796600900000 implements MigrationInterface {
  name = 'AnnualReportIndexes1796600900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX "ix_idea_event_status_change" ON "idea_event" ("idea_id", "occurred_at")
      INCLUDE ("type", "from_status", "to_status") WHERE to_status IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX "ix_idea_event_transition_type" ON "idea_event" ("type", "occurred_at")
      INCLUDE ("idea_id") WHERE to_status IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_idea_event_transition_type"`);
    await queryRunner.query(`DROP INDEX "ix_idea_event_status_change"`);
  }
}
