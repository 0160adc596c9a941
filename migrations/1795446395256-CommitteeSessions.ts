import { MigrationInterface, QueryRunner } from "typeorm";

export class CommitteeSessions1795446395256 implements MigrationInterface {
    name = 'CommitteeSessions1795446395256'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "committee_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" text NOT NULL,
                "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "language" text NOT NULL,
                "status" text NOT NULL DEFAULT 'planned',
                "created_by" uuid NOT NULL,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_f4997a5fba2eecbf11b5b5508f7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_committee_session_scheduled" ON "committee_session" ("scheduled_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "committee_agenda_item" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "idea_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "added_by" uuid NOT NULL,
                "added_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decision" text,
                "rationale" text,
                "parked_until" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b26941dd6feb865a9575800073e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_committee_agenda_item_idea" ON "committee_agenda_item" ("idea_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_committee_agenda_item_session_idea" ON "committee_agenda_item" ("session_id", "idea_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "committee_session_member" (
                "session_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "chair" boolean NOT NULL DEFAULT false,
                "present" boolean,
                CONSTRAINT "PK_637aa0b7f6d8b1b841b45fdaadf" PRIMARY KEY ("session_id", "person_id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "committee_session"
            ADD CONSTRAINT "FK_3a4f686f2a5ca558d7d72cf3dc9" FOREIGN KEY ("created_by") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "committee_agenda_item"
            ADD CONSTRAINT "FK_de0d2d3ede8cd94215294a77f94" FOREIGN KEY ("session_id") REFERENCES "committee_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "committee_agenda_item"
            ADD CONSTRAINT "FK_350bdf12e496b3c9196a58b0264" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "committee_session_member"
            ADD CONSTRAINT "FK_b17d32a5abc169b7acef101e7ac" FOREIGN KEY ("session_id") REFERENCES "committee_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "committee_session_member"
            ADD CONSTRAINT "FK_4b0fe97bf6e182a9c2b61beb7c8" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "committee_session_member" DROP CONSTRAINT "FK_4b0fe97bf6e182a9c2b61beb7c8"
        `);
        await queryRunner.query(`
            ALTER TABLE "committee_session_member" DROP CONSTRAINT "FK_b17d32a5abc169b7acef101e7ac"
        `);
        await queryRunner.query(`
            ALTER TABLE "committee_agenda_item" DROP CONSTRAINT "FK_350bdf12e496b3c9196a58b0264"
        `);
        await queryRunner.query(`
            ALTER TABLE "committee_agenda_item" DROP CONSTRAINT "FK_de0d2d3ede8cd94215294a77f94"
        `);
        await queryRunner.query(`
            ALTER TABLE "committee_session" DROP CONSTRAINT "FK_3a4f686f2a5ca558d7d72cf3dc9"
        `);
        await queryRunner.query(`
            DROP TABLE "committee_session_member"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_committee_agenda_item_session_idea"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_committee_agenda_item_idea"
        `);
        await queryRunner.query(`
            DROP TABLE "committee_agenda_item"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_committee_session_scheduled"
        `);
        await queryRunner.query(`
            DROP TABLE "committee_session"
        `);
    }

}
