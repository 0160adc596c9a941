import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The annual report's download links are signed (HMAC-SHA256, with an expiry) with a secret of the
 * run itself, drawn when the run is requested and never sent to anyone: a link cannot be forged or
 * stretched, and no configured secret is needed. Null only for a run requested before this column.
 */
export class AnnualReportLinks1796600400000 implements MigrationInterface {
    name = 'AnnualReportLinks1796600400000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "annual_report_run" ADD "link_secret" text`);
        await queryRunner.query(
            `ALTER TABLE "annual_report_run" ADD CONSTRAINT "ck_annual_report_run_link_secret" CHECK (link_secret IS NULL OR char_length(link_secret) BETWEEN 32 AND 128)`,
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "annual_report_run" DROP CONSTRAINT "ck_annual_report_run_link_secret"`);
        await queryRunner.query(`ALTER TABLE "annual_report_run" DROP COLUMN "link_secret"`);
    }
}
