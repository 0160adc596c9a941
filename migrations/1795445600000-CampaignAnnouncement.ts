import { MigrationInterface, QueryRunner } from "typeorm";

export class CampaignAnnouncement1795445600000 implements MigrationInterface {
    name = 'CampaignAnnouncement1795445600000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "campaign_announcement" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "campaign_id" uuid NOT NULL,
                "announced_by" uuid,
                "announced_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "audience_size" integer NOT NULL,
                "notified" integer NOT NULL DEFAULT '0',
                "emails_queued" integer NOT NULL DEFAULT '0',
                "cursor" uuid,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_76d25c4d51a3f0d738ee196aa91" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_campaign_announcement_campaign" ON "campaign_announcement" ("campaign_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD "announcement_id" bigint
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ALTER COLUMN "idea_id" DROP NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ALTER COLUMN "event_id" DROP NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_announcement_recipient" ON "notification" ("announcement_id", "recipient_id")
            WHERE announcement_id IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "ck_notification_subject" CHECK ((event_id IS NULL) <> (announcement_id IS NULL))
        `);
        await queryRunner.query(`
            ALTER TABLE "campaign_announcement"
            ADD CONSTRAINT "FK_520725aecf5dc92a51ff6b68d97" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "campaign_announcement"
            ADD CONSTRAINT "FK_8d65173d15c762b73319614b44b" FOREIGN KEY ("announced_by") REFERENCES "person"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_c5f3ce782317b1e84f65a2b8fc9" FOREIGN KEY ("announcement_id") REFERENCES "campaign_announcement"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_c5f3ce782317b1e84f65a2b8fc9"
        `);
        await queryRunner.query(`
            ALTER TABLE "campaign_announcement" DROP CONSTRAINT "FK_8d65173d15c762b73319614b44b"
        `);
        await queryRunner.query(`
            ALTER TABLE "campaign_announcement" DROP CONSTRAINT "FK_520725aecf5dc92a51ff6b68d97"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_subject"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notification_announcement_recipient"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ALTER COLUMN "event_id"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ALTER COLUMN "idea_id"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP COLUMN "announcement_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_campaign_announcement_campaign"
        `);
        await queryRunner.query(`
            DROP TABLE "campaign_announcement"
        `);
    }

}
