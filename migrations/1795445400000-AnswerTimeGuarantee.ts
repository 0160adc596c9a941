import { MigrationInterface, QueryRunner } from "typeorm";

/** The answer-time guarantee: the organisation's settings (one row, defaults 30/60/5) and the scheduled deadline jobs. */
export class AnswerTimeGuarantee1795445400000 implements MigrationInterface {
    name = 'AnswerTimeGuarantee1795445400000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "answer_time_settings" (
                "id" smallint NOT NULL,
                "first_answer_days" integer NOT NULL,
                "qualification_days" integer NOT NULL,
                "remind_before_days" integer NOT NULL,
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_answer_time_settings_days" CHECK (
                    first_answer_days BETWEEN 1 AND 365
                    AND qualification_days BETWEEN 1 AND 365
                    AND remind_before_days BETWEEN 0 AND 365
                ),
                CONSTRAINT "ck_answer_time_settings_single" CHECK (id = 1),
                CONSTRAINT "PK_b8522c1340f19cf1a1d1962ce7f" PRIMARY KEY ("id")
            )
        `);
        // Every organisation starts with a guarantee (DEFAULT_ANSWER_TIME_SETTINGS); admins change it.
        await queryRunner.query(`
            INSERT INTO "answer_time_settings" ("id", "first_answer_days", "qualification_days", "remind_before_days")
            VALUES (1, 30, 60, 5)
        `);
        await queryRunner.query(`
            CREATE TABLE "deadline_job" (
                "job_id" text NOT NULL,
                "idea_id" uuid NOT NULL,
                "action" text NOT NULL,
                "deadline" text NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_49df145f228d0c722d1cc70abf0" PRIMARY KEY ("job_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_deadline_job_idea" ON "deadline_job" ("idea_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_job"
            ADD CONSTRAINT "FK_7bdcd85c0d58e0f62b358847be6" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "deadline_job" DROP CONSTRAINT "FK_7bdcd85c0d58e0f62b358847be6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_deadline_job_idea"
        `);
        await queryRunner.query(`
            DROP TABLE "deadline_job"
        `);
        await queryRunner.query(`
            DROP TABLE "answer_time_settings"
        `);
    }

}
