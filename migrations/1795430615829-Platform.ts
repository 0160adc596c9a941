import { MigrationInterface, QueryRunner } from "typeorm";

export class Platform1795430615829 implements MigrationInterface {
    name = 'Platform1795430615829'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "outbox_message" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "job_name" text NOT NULL,
                "payload" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "dispatched_at" TIMESTAMP WITH TIME ZONE,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_outbox_message_pending" ON "outbox_message" ("id")
            WHERE dispatched_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "job_receipt" (
                "key" text NOT NULL,
                "job_name" text NOT NULL,
                "job_id" text,
                "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_64a52e4ba3ee253303ef54c8530" PRIMARY KEY ("key")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "job_receipt"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_outbox_message_pending"
        `);
        await queryRunner.query(`
            DROP TABLE "outbox_message"
        `);
    }

}
