import { MigrationInterface, QueryRunner } from "typeorm";

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
        await queryRunner.query(`
            ALTER TABLE "campaign"
            ADD CONSTRAINT "FK_b56f8be75101c7f96bdb954d8f7" FOREIGN KEY ("sponsor_id") REFERENCES "person"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea"
            ADD CONSTRAINT "FK_d7af1a6c1caf954e87c0866263f" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea"
            ADD CONSTRAINT "FK_a37353739a9580090762b74dfa7" FOREIGN KEY ("captured_by") REFERENCES "person"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea"
            ADD CONSTRAINT "FK_9dfd27287cc528dde5042c36e09" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea"
            ADD CONSTRAINT "FK_33d5a1b7bb6fa1b448734538565" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea"
            ADD CONSTRAINT "FK_5c662ee5ba6f78b261ae6ea8a67" FOREIGN KEY ("merged_into_id") REFERENCES "idea"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_attachment"
            ADD CONSTRAINT "FK_217950b8bc444b3d3b42fb2eed0" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "campaign_phase"
            ADD CONSTRAINT "FK_bfd1197e100ab55a0d1d7af7c80" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_comment"
            ADD CONSTRAINT "FK_bb695865beaa0e305fbe4643517" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_comment"
            ADD CONSTRAINT "FK_8fc66dabf9998525ae42b38f4f5" FOREIGN KEY ("author_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_comment"
            ADD CONSTRAINT "FK_85203dc4399659162af982a722f" FOREIGN KEY ("parent_id") REFERENCES "idea_comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_follow"
            ADD CONSTRAINT "FK_ebdf507bfaebb7f3ace03ac31cd" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_follow"
            ADD CONSTRAINT "FK_150183845482edd3803cb0a5b89" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_author"
            ADD CONSTRAINT "FK_f447e48ce0643f7c55c49cc08bd" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_author"
            ADD CONSTRAINT "FK_0fe32229c64022c53e6776ec181" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_event"
            ADD CONSTRAINT "FK_c48a28d01b71774ea37a63c6a47" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_link"
            ADD CONSTRAINT "FK_2e7baa37d998d2f00d7223f1d80" FOREIGN KEY ("from_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_link"
            ADD CONSTRAINT "FK_82dddbf1ad21ff0b8d0c04d8893" FOREIGN KEY ("to_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "support"
            ADD CONSTRAINT "FK_001e0754d74ef03c0740bc4e27e" FOREIGN KEY ("idea_id") REFERENCES "idea"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "support"
            ADD CONSTRAINT "FK_aa4f08ca73d75aca6e29df0dd88" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Hand-written: accent- and inflection-insensitive search in French and English.
        // unaccent() is only STABLE, so the document is kept by a trigger rather than a generated column.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`
            CREATE FUNCTION idea_search_document(title text, summary text, body text) RETURNS tsvector
            LANGUAGE sql STABLE AS $$
                SELECT setweight(to_tsvector('french', unaccent(coalesce(title, ''))), 'A')
                    || setweight(to_tsvector('english', unaccent(coalesce(title, ''))), 'A')
                    || setweight(to_tsvector('french', unaccent(coalesce(summary, ''))), 'B')
                    || setweight(to_tsvector('english', unaccent(coalesce(summary, ''))), 'B')
                    || setweight(to_tsvector('french', unaccent(regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'))), 'C')
                    || setweight(to_tsvector('english', unaccent(regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'))), 'C')
            $$
        `);
        await queryRunner.query(`
            CREATE FUNCTION idea_search_document_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.search_document := idea_search_document(NEW.title, NEW.summary, NEW.body_html);
                RETURN NEW;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "idea_search_document" BEFORE INSERT OR UPDATE OF title, summary, body_html ON "idea"
            FOR EACH ROW EXECUTE FUNCTION idea_search_document_refresh()
        `);
        await queryRunner.query(`CREATE INDEX "ix_idea_search_document" ON "idea" USING gin ("search_document")`);
        await queryRunner.query(`
            CREATE FUNCTION unaccent_immutable(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
            $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
        `);
        await queryRunner.query(`CREATE INDEX "ix_idea_title_trgm" ON "idea" USING gin (lower(unaccent_immutable(title)) gin_trgm_ops)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."ix_idea_title_trgm"`);
        await queryRunner.query(`DROP FUNCTION unaccent_immutable(text)`);
        await queryRunner.query(`DROP INDEX "public"."ix_idea_search_document"`);
        await queryRunner.query(`DROP TRIGGER "idea_search_document" ON "idea"`);
        await queryRunner.query(`DROP FUNCTION idea_search_document_refresh()`);
        await queryRunner.query(`DROP FUNCTION idea_search_document(text, text, text)`);
        await queryRunner.query(`
            ALTER TABLE "support" DROP CONSTRAINT "FK_aa4f08ca73d75aca6e29df0dd88"
        `);
        await queryRunner.query(`
            ALTER TABLE "support" DROP CONSTRAINT "FK_001e0754d74ef03c0740bc4e27e"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_link" DROP CONSTRAINT "FK_82dddbf1ad21ff0b8d0c04d8893"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_link" DROP CONSTRAINT "FK_2e7baa37d998d2f00d7223f1d80"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_event" DROP CONSTRAINT "FK_c48a28d01b71774ea37a63c6a47"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_author" DROP CONSTRAINT "FK_0fe32229c64022c53e6776ec181"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_author" DROP CONSTRAINT "FK_f447e48ce0643f7c55c49cc08bd"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_follow" DROP CONSTRAINT "FK_150183845482edd3803cb0a5b89"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_follow" DROP CONSTRAINT "FK_ebdf507bfaebb7f3ace03ac31cd"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_comment" DROP CONSTRAINT "FK_85203dc4399659162af982a722f"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_comment" DROP CONSTRAINT "FK_8fc66dabf9998525ae42b38f4f5"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_comment" DROP CONSTRAINT "FK_bb695865beaa0e305fbe4643517"
        `);
        await queryRunner.query(`
            ALTER TABLE "campaign_phase" DROP CONSTRAINT "FK_bfd1197e100ab55a0d1d7af7c80"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea_attachment" DROP CONSTRAINT "FK_217950b8bc444b3d3b42fb2eed0"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea" DROP CONSTRAINT "FK_5c662ee5ba6f78b261ae6ea8a67"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea" DROP CONSTRAINT "FK_33d5a1b7bb6fa1b448734538565"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea" DROP CONSTRAINT "FK_9dfd27287cc528dde5042c36e09"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea" DROP CONSTRAINT "FK_a37353739a9580090762b74dfa7"
        `);
        await queryRunner.query(`
            ALTER TABLE "idea" DROP CONSTRAINT "FK_d7af1a6c1caf954e87c0866263f"
        `);
        await queryRunner.query(`
            ALTER TABLE "campaign" DROP CONSTRAINT "FK_b56f8be75101c7f96bdb954d8f7"
        `);
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
