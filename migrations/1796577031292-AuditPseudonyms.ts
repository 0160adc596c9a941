import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditPseudonyms1796577031292 implements MigrationInterface {
    name = 'AuditPseudonyms1796577031292'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_pseudonym" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "person_id" uuid NOT NULL,
                "subject_type" text NOT NULL,
                "subject_id" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6c5e803832201ff2f4e87d6fd9f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_audit_pseudonym_person_subject" ON "audit_pseudonym" ("person_id", "subject_type", "subject_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_event"
            ADD "actor_pseudonym" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_pseudonym"
            ADD CONSTRAINT "FK_776e834c9477dfa4fe182027932" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "audit_pseudonym" DROP CONSTRAINT "FK_776e834c9477dfa4fe182027932"
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_event" DROP COLUMN "actor_pseudonym"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_audit_pseudonym_person_subject"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_pseudonym"
        `);
    }

}
