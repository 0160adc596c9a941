import { MigrationInterface, QueryRunner } from "typeorm";

export class QualificationAssignment1795445158217 implements MigrationInterface {
    name = 'QualificationAssignment1795445158217'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "qualification_assignment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "assigned_by" uuid,
                "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "end_reason" text,
                CONSTRAINT "PK_367982a3dc2becf08afbfaab330" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_qualification_assignment_idea" ON "qualification_assignment" ("idea_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_qualification_assignment_person_open" ON "qualification_assignment" ("person_id")
            WHERE ended_at IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_qualification_assignment_open" ON "qualification_assignment" ("idea_id", "person_id")
            WHERE ended_at IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "qualification_assignment"
            ADD CONSTRAINT "FK_34b3a7995adb1b16cd2cabb76a0" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "qualification_assignment"
            ADD CONSTRAINT "FK_59356c16c094b4a2b59e4147202" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "qualification_assignment" DROP CONSTRAINT "FK_59356c16c094b4a2b59e4147202"
        `);
        await queryRunner.query(`
            ALTER TABLE "qualification_assignment" DROP CONSTRAINT "FK_34b3a7995adb1b16cd2cabb76a0"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_qualification_assignment_open"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_qualification_assignment_person_open"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_qualification_assignment_idea"
        `);
        await queryRunner.query(`
            DROP TABLE "qualification_assignment"
        `);
    }

}
