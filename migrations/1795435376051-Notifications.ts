import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795435376051 implements MigrationInterface {
    name = 'Notifications1795435376051'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notification" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "recipient_id" uuid NOT NULL,
                "idea_id" uuid NOT NULL,
                "event_id" bigint NOT NULL,
                "event_type" text NOT NULL,
                "category" text NOT NULL,
                "needs_action" boolean NOT NULL DEFAULT false,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notification_recipient_unread" ON "notification" ("recipient_id")
            WHERE read_at IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notification_recipient" ON "notification" ("recipient_id", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_event_recipient" ON "notification" ("event_id", "recipient_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_preference" (
                "person_id" uuid NOT NULL,
                "category" text NOT NULL,
                "frequency" text NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2f468317fc66b74648e66429027" PRIMARY KEY ("person_id", "category")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_default" (
                "category" text NOT NULL,
                "frequency" text NOT NULL,
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6f94ec3d2aa6897daa8cbd08e54" PRIMARY KEY ("category")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" text NOT NULL,
                "channel" text NOT NULL DEFAULT 'email',
                "kind" text NOT NULL,
                "recipient_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "interrupted" integer NOT NULL DEFAULT '0',
                "message_id" text NOT NULL,
                "last_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "sending_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "failed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notification_delivery_key" ON "notification_delivery" ("key")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notification_delivery_status" ON "notification_delivery" ("status", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_delivery_item" (
                "notification_id" bigint NOT NULL,
                "channel" text NOT NULL,
                "delivery_id" uuid NOT NULL,
                CONSTRAINT "PK_fe1aa5004dafbc3a360215e6103" PRIMARY KEY ("notification_id", "channel")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notification_delivery_item_delivery" ON "notification_delivery_item" ("delivery_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "notification_signing_key" (
                "id" smallint NOT NULL,
                "secret" text NOT NULL,
                CONSTRAINT "PK_5d9a611588f0aa02f4ba325922a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_9830357f52360a126737d498e66" FOREIGN KEY ("recipient_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_8256ab9a7f1a375da59e358ded1" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification"
            ADD CONSTRAINT "FK_122be1f0696e0255acf95f9e336" FOREIGN KEY ("event_id") REFERENCES "idea_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_preference"
            ADD CONSTRAINT "FK_8496cccd0c7dcf6889873bee9e1" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery"
            ADD CONSTRAINT "FK_aa84c67edc889840c6c945753f6" FOREIGN KEY ("recipient_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery_item"
            ADD CONSTRAINT "FK_5bb3d114219f0b023c2542439fc" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery_item"
            ADD CONSTRAINT "FK_c70accf3b2b5401cb458d32464d" FOREIGN KEY ("delivery_id") REFERENCES "notification_delivery"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notification_delivery_item" DROP CONSTRAINT "FK_c70accf3b2b5401cb458d32464d"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery_item" DROP CONSTRAINT "FK_5bb3d114219f0b023c2542439fc"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_delivery" DROP CONSTRAINT "FK_aa84c67edc889840c6c945753f6"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_8496cccd0c7dcf6889873bee9e1"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_122be1f0696e0255acf95f9e336"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_8256ab9a7f1a375da59e358ded1"
        `);
        await queryRunner.query(`
            ALTER TABLE "notification" DROP CONSTRAINT "FK_9830357f52360a126737d498e66"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_signing_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notification_delivery_item_delivery"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_delivery_item"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notification_delivery_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notification_delivery_key"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_delivery"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_default"
        `);
        await queryRunner.query(`
            DROP TABLE "notification_preference"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notification_event_recipient"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notification_recipient"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notification_recipient_unread"
        `);
        await queryRunner.query(`
            DROP TABLE "notification"
        `);
    }

}
