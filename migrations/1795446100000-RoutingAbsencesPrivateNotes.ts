import { MigrationInterface, QueryRunner } from "typeorm";

export class RoutingAbsencesPrivateNotes1795446100000 implements MigrationInterface {
    name = 'RoutingAbsencesPrivateNotes1795446100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "network_absence" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "person_id" uuid NOT NULL,
                "delegate_id" uuid,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_network_absence_delegate" CHECK (
                    delegate_id IS NULL
                    OR delegate_id <> person_id
                ),
                CONSTRAINT "ck_network_absence_period" CHECK (ends_at > starts_at),
                CONSTRAINT "PK_94be214f55a263c9ce972328d13" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_network_absence_person" ON "network_absence" ("person_id", "ends_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "private_note" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "body_html" text NOT NULL,
                "mentioned_ids" uuid array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7957856a169b9c882d6df7567f8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_private_note_idea" ON "private_note" ("idea_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "network_absence"
            ADD CONSTRAINT "FK_463971d61aa8873a49ca8382267" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "network_absence"
            ADD CONSTRAINT "FK_d12e6c3fb4f2741dc85cfb206a7" FOREIGN KEY ("delegate_id") REFERENCES "person"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "private_note"
            ADD CONSTRAINT "FK_04731f7093d685a458e977786d4" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "private_note"
            ADD CONSTRAINT "FK_e7b71949f1f8cedab3516aa86fa" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "private_note" DROP CONSTRAINT "FK_e7b71949f1f8cedab3516aa86fa"
        `);
        await queryRunner.query(`
            ALTER TABLE "private_note" DROP CONSTRAINT "FK_04731f7093d685a458e977786d4"
        `);
        await queryRunner.query(`
            ALTER TABLE "network_absence" DROP CONSTRAINT "FK_d12e6c3fb4f2741dc85cfb206a7"
        `);
        await queryRunner.query(`
            ALTER TABLE "network_absence" DROP CONSTRAINT "FK_463971d61aa8873a49ca8382267"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_private_note_idea"
        `);
        await queryRunner.query(`
            DROP TABLE "private_note"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_network_absence_person"
        `);
        await queryRunner.query(`
            DROP TABLE "network_absence"
        `);
    }

}
