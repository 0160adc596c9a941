import { MigrationInterface, QueryRunner } from "typeorm";

export class Webhooks1795434946807 implements MigrationInterface {
    name = 'Webhooks1795434946807'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "webhook_subscription" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "url" text NOT NULL,
                "description" text,
                "event_types" text array NOT NULL,
                "secret" text NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b52cb4811c5ada4f42896c37ba8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "webhook_delivery" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "subscription_id" uuid NOT NULL,
                "idea_event_id" bigint,
                "event_type" text NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_status" integer,
                "last_error" text,
                "next_attempt_at" TIMESTAMP WITH TIME ZONE,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_webhook_delivery_subscription_event" UNIQUE ("subscription_id", "idea_event_id"),
                CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_webhook_delivery_subscription_created" ON "webhook_delivery" ("subscription_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_subscription"
            ADD CONSTRAINT "FK_c7910c530d369459b83b566a626" FOREIGN KEY ("created_by") REFERENCES "person"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery"
            ADD CONSTRAINT "FK_236a6a1218756223393d1fb5acc" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscription"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery"
            ADD CONSTRAINT "FK_44af5eafd6ee9790181cf1704c6" FOREIGN KEY ("idea_event_id") REFERENCES "idea_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_44af5eafd6ee9790181cf1704c6"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_236a6a1218756223393d1fb5acc"
        `);
        await queryRunner.query(`
            ALTER TABLE "webhook_subscription" DROP CONSTRAINT "FK_c7910c530d369459b83b566a626"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_webhook_delivery_subscription_created"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_delivery"
        `);
        await queryRunner.query(`
            DROP TABLE "webhook_subscription"
        `);
    }

}
