import { MigrationInterface, QueryRunner } from "typeorm";

export class EngagementModeration1795432936045 implements MigrationInterface {
    name = 'EngagementModeration1795432936045'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "idea_author"
            ADD "anonymous" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_content_report_reporter" ON "content_report" ("target_type", "target_id", "reporter_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."uq_content_report_reporter"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_author" DROP COLUMN "anonymous"
        `);
    }

}
