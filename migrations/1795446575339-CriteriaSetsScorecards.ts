import { MigrationInterface, QueryRunner } from "typeorm";

export class CriteriaSetsScorecards1795446575339 implements MigrationInterface {
    name = 'CriteriaSetsScorecards1795446575339'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "criteria_set" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "campaign_id" uuid,
                "criteria" jsonb NOT NULL,
                "version" integer NOT NULL,
                "updated_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6717d6b7309a910d3f19f558c04" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_criteria_set_campaign" ON "criteria_set" ("campaign_id")
            WHERE campaign_id IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_criteria_set_default" ON "criteria_set" ("kind")
            WHERE kind = 'default'
        `);
        await queryRunner.query(`
            CREATE TABLE "scorecard" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "reviewer_id" uuid NOT NULL,
                "status" text NOT NULL,
                "scores" jsonb NOT NULL DEFAULT '{}',
                "comment" text NOT NULL DEFAULT '',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bcadf4539dab46678db1748dcd1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_scorecard_idea_reviewer" ON "scorecard" ("idea_id", "reviewer_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "criteria_set"
            ADD CONSTRAINT "FK_50703f35f5f224292f484f69982" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "scorecard"
            ADD CONSTRAINT "FK_6ca9b03f7431a6994374b016657" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "scorecard"
            ADD CONSTRAINT "FK_a0bae1cad51c54dd6a2ab939085" FOREIGN KEY ("reviewer_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "scorecard" DROP CONSTRAINT "FK_a0bae1cad51c54dd6a2ab939085"
        `);
        await queryRunner.query(`
            ALTER TABLE "scorecard" DROP CONSTRAINT "FK_6ca9b03f7431a6994374b016657"
        `);
        await queryRunner.query(`
            ALTER TABLE "criteria_set" DROP CONSTRAINT "FK_50703f35f5f224292f484f69982"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_scorecard_idea_reviewer"
        `);
        await queryRunner.query(`
            DROP TABLE "scorecard"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_criteria_set_default"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ux_criteria_set_campaign"
        `);
        await queryRunner.query(`
            DROP TABLE "criteria_set"
        `);
    }

}
