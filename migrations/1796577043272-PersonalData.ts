import { MigrationInterface, QueryRunner } from "typeorm";

export class PersonalData1796577043272 implements MigrationInterface {
    name = 'PersonalData1796577043272'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "personal_data_export" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "person_id" uuid NOT NULL,
                "status" text NOT NULL,
                "done_steps" integer NOT NULL DEFAULT '0',
                "total_steps" integer,
                "storage_key" text,
                "size_bytes" integer,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_4d155af880b399fe81dc25ab45f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_personal_data_export_person" ON "personal_data_export" ("person_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "person"
            ADD "erased_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "personal_data_export"
            ADD CONSTRAINT "FK_728e1c2a8db7c9ce46e32abafea" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "personal_data_export" DROP CONSTRAINT "FK_728e1c2a8db7c9ce46e32abafea"
        `);
        await queryRunner.query(`
            ALTER TABLE "person" DROP COLUMN "erased_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_personal_data_export_person"
        `);
        await queryRunner.query(`
            DROP TABLE "personal_data_export"
        `);
    }

}
