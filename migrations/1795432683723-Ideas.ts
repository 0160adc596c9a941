import { MigrationInterface, QueryRunner } from "typeorm";
import { addIdeasForeignKeys, dropIdeasForeignKeys } from "./parts/ideas-foreign-keys";
import { createIdeasSearch, dropIdeasSearch } from "./parts/ideas-search";

export class Ideas1795432683723 implements MigrationInterface {
    name = 'Ideas1795432683723'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "campaign" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" text NOT NULL,
                "question" text NOT NULL,
                "description_html" text NOT NULL,
                "sponsor_id" uuid,
                "audience_org_unit_ids" uuid array NOT NULL,
                "submission_rules" jsonb NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "archived_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0ce34d26e7f2eb316a3a592cdc4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "idea" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "status" text NOT NULL,
                "title" text NOT NULL,
                "summary" text NOT NULL DEFAULT '',
                "body_html" text NOT NULL DEFAULT '',
                "who_suffers" text,
                "frequency" text,
                "expected_benefits" text,
                "needs" text,
                "org_unit_id" uuid,
                "themes" text array NOT NULL DEFAULT '{}',
                "campaign_id" uuid,
                "anonymous" boolean NOT NULL DEFAULT false,
                "author_id" uuid NOT NULL,
                "captured_by" uuid,
                "capture_channel" text,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "answer_text" text,
                "answer_given_at" TIMESTAMP WITH TIME ZONE,
                "answer_published_at" TIMESTAMP WITH TIME ZONE,
                "merged_into_id" uuid,
                "parked_until" TIMESTAMP WITH TIME ZONE,
                "hidden_at" TIMESTAMP WITH TIME ZONE,
                "hidden_reason" text,
                "support_count" integer NOT NULL DEFAULT '0',
                "comment_count" integer NOT NULL DEFAULT '0',
                "follower_count" integer NOT NULL DEFAULT '0',
                "search_document" tsvector,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                CONSTRAINT "PK_5096f543c484b349f5234da9d97" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idea_status" ON "idea" ("status")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idea_campaign" ON "idea" ("campaign_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idea_wall_newest" ON "idea" ("published_at", "id")
            WHERE published_at IS NOT NULL
                AND hidden_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "idea_attachment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "storage_key" text NOT NULL,
                "file_name" text NOT NULL,
                "content_type" text NOT NULL,
                "size_bytes" integer NOT NULL,
                "uploaded_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_91498d59a9b242344dd81800688" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idea_attachment_idea" ON "idea_attachment" ("idea_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "campaign_phase" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "campaign_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "name" text NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "submissions_open" boolean NOT NULL,
                "supports_open" boolean NOT NULL,
                "comments_open" boolean NOT NULL,
                CONSTRAINT "PK_b5ecb6c9d38c09f2ac84e08bb46" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_campaign_phase_position" ON "campaign_phase" ("campaign_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "idea_comment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "idea_id" uuid NOT NULL,
                "parent_id" uuid,
                "author_id" uuid NOT NULL,
                "body_html" text NOT NULL,
                "mentions" uuid array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "edited_at" TIMESTAMP WITH TIME ZONE,
                "hidden_at" TIMESTAMP WITH TIME ZONE,
                "hidden_reason" text,
                CONSTRAINT "PK_49010117d35e40d8eeaf9369022" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idea_comment_idea" ON "idea_comment" ("idea_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "content_report" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "target_type" text NOT NULL,
                "target_id" uuid NOT NULL,
                "reporter_id" uuid NOT NULL,
                "reason" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolved_by" uuid,
                "resolution" text,
                "resolution_reason" text,
                CONSTRAINT "PK_1effd709157e94e02959826f51e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_report_open" ON "content_report" ("created_at")
            WHERE resolved_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "idea_follow" (
                "idea_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3bf3c73a7ee43d08271e994f2ad" PRIMARY KEY ("idea_id", "person_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idea_follow_person" ON "idea_follow" ("person_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "idea_author" (
                "idea_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "role" text NOT NULL,
                "status" text NOT NULL,
                "invited_by" uuid,
                "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "responded_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_13bd93f7b09ad15e60a5c980cef" PRIMARY KEY ("idea_id", "person_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idea_author_person" ON "idea_author" ("person_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "idea_event" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "idea_id" uuid NOT NULL,
                "type" text NOT NULL,
                "from_status" text,
                "to_status" text,
                "actor_id" uuid,
                "public" boolean NOT NULL,
                "data" jsonb NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_654ab92ebdefaab5ff5a0e31ebe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idea_event_idea" ON "idea_event" ("idea_id", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "idea_link" (
                "from_id" uuid NOT NULL,
                "to_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "created_by" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_e5d4665ac07dfb5d3e9228e8c79" PRIMARY KEY ("from_id", "to_id", "kind")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_idea_link_to" ON "idea_link" ("to_id", "kind")
        `);
        await queryRunner.query(`
            CREATE TABLE "support" (
                "idea_id" uuid NOT NULL,
                "person_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1fe831cdba7f3d1db2aa5dff01d" PRIMARY KEY ("idea_id", "person_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_support_idea_recent" ON "support" ("idea_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_support_person" ON "support" ("person_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "theme" (
                "key" text NOT NULL,
                "label_fr" text NOT NULL,
                "label_en" text NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                CONSTRAINT "PK_7b0e03a94450de6bb2114896b24" PRIMARY KEY ("key")
            )
        `);
        await addIdeasForeignKeys(queryRunner);
        await createIdeasSearch(queryRunner);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await dropIdeasSearch(queryRunner);
        await dropIdeasForeignKeys(queryRunner);
        await queryRunner.query(`
            DROP TABLE "theme"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_support_person"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_support_idea_recent"
        `);
        await queryRunner.query(`
            DROP TABLE "support"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idea_link_to"
        `);
        await queryRunner.query(`
            DROP TABLE "idea_link"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idea_event_idea"
        `);
        await queryRunner.query(`
            DROP TABLE "idea_event"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idea_author_person"
        `);
        await queryRunner.query(`
            DROP TABLE "idea_author"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idea_follow_person"
        `);
        await queryRunner.query(`
            DROP TABLE "idea_follow"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_report_open"
        `);
        await queryRunner.query(`
            DROP TABLE "content_report"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idea_comment_idea"
        `);
        await queryRunner.query(`
            DROP TABLE "idea_comment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_campaign_phase_position"
        `);
        await queryRunner.query(`
            DROP TABLE "campaign_phase"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idea_attachment_idea"
        `);
        await queryRunner.query(`
            DROP TABLE "idea_attachment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idea_wall_newest"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idea_campaign"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_idea_status"
        `);
        await queryRunner.query(`
            DROP TABLE "idea"
        `);
        await queryRunner.query(`
            DROP TABLE "campaign"
        `);
    }

}
