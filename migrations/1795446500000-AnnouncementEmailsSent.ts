import { MigrationInterface, QueryRunner } from "typeorm";

export class AnnouncementEmailsSent1795446500000 implements MigrationInterface {
    name = 'AnnouncementEmailsSent1795446500000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "campaign_announcement"
            ADD "emails_sent" integer NOT NULL DEFAULT '0'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "campaign_announcement" DROP COLUMN "emails_sent"
        `);
    }

}
