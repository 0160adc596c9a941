import { MigrationInterface, QueryRunner } from "typeorm";

export class RoleRequestNotifications1796579395615 implements MigrationInterface {
    name = 'RoleRequestNotifications1796579395615'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD "role_request_id" uuid
        `);
        // A notification is about exactly one thing: an idea event, an announcement or a role request.
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_subject"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "ck_notification_subject" CHECK (num_nonnulls(event_id, announcement_id, role_request_id) = 1)
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_role_request_recipient" ON "notification" ("role_request_id", "event_type", "recipient_id")
            WHERE role_request_id IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_529c597f14ad18e987c88497b41" FOREIGN KEY ("role_request_id") REFERENCES "role_grant_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_529c597f14ad18e987c88497b41"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notification_role_request_recipient"
        `);
        await queryRunner.query(`
            DELETE FROM "notification" WHERE "role_request_id" IS NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "ck_notification_subject"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP COLUMN "role_request_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "ck_notification_subject" CHECK ((event_id IS NULL) <> (announcement_id IS NULL))
        `);
    }

}
