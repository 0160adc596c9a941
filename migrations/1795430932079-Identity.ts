import { MigrationInterface, QueryRunner } from "typeorm";

export class Identity1795430932079 implements MigrationInterface {
    name = 'Identity1795430932079'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "action" text NOT NULL,
                "subject_type" text NOT NULL,
                "subject_id" text,
                "data" jsonb NOT NULL,
                "request_id" text,
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_event_subject" ON "audit_event" ("subject_type", "subject_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "org_unit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "kind" text NOT NULL,
                "parent_id" uuid,
                "path" uuid array NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ba1c59043dc14bb66023c1d07c7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_org_unit_code" ON "org_unit" ("code")
        `);
        await queryRunner.query(`
            CREATE TABLE "person" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "employee_number" text NOT NULL,
                "given_name" text NOT NULL,
                "family_name" text NOT NULL,
                "email" text NOT NULL,
                "org_unit_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "deactivated_at" TIMESTAMP WITH TIME ZONE,
                "locale" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_person_employee_number" ON "person" ("employee_number")
        `);
        await queryRunner.query(`
            CREATE TABLE "local_credential" (
                "person_id" uuid NOT NULL,
                "password_hash" text NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1db8c84dafa45e9f34d15a5f3a0" PRIMARY KEY ("person_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "directory_import" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "status" text NOT NULL,
                "file_name" text NOT NULL,
                "storage_key" text NOT NULL,
                "total_rows" integer,
                "processed_rows" integer NOT NULL DEFAULT '0',
                "created_count" integer NOT NULL DEFAULT '0',
                "updated_count" integer NOT NULL DEFAULT '0',
                "unchanged_count" integer NOT NULL DEFAULT '0',
                "deactivated_count" integer NOT NULL DEFAULT '0',
                "errors" jsonb NOT NULL,
                "error_count" integer NOT NULL DEFAULT '0',
                "started_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_bf94c5f8503500cbb101dcf0881" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "external_identity" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "issuer" text NOT NULL,
                "subject" text NOT NULL,
                "person_id" uuid NOT NULL,
                "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_390cd58fc7a0124d5fc815e99a3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_external_identity_person" ON "external_identity" ("person_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_external_identity_issuer_subject" ON "external_identity" ("issuer", "subject")
        `);
        await queryRunner.query(`
            CREATE TABLE "org_unit_headcount" (
                "org_unit_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "direct_count" integer NOT NULL,
                "total_count" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_882539bb59b13c668b3ed5f6c72" PRIMARY KEY ("org_unit_id", "year")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "role_grant" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "person_id" uuid NOT NULL,
                "role" text NOT NULL,
                "scope_kind" text NOT NULL DEFAULT 'organisation',
                "scope_org_unit_id" uuid,
                "scope_theme" text,
                "granted_by" uuid,
                "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_by" uuid,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_role_grant_person_active" ON "role_grant" ("person_id")
            WHERE revoked_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "user_session" (
                "token_hash" text NOT NULL,
                "person_id" uuid NOT NULL,
                "csrf_token" text NOT NULL,
                "method" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "end_reason" text,
                "ip" text,
                "user_agent" text,
                CONSTRAINT "PK_9ccf6d901cef4067214284f327e" PRIMARY KEY ("token_hash")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_user_session_person_open" ON "user_session" ("person_id")
            WHERE ended_at IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "org_unit"
            ADD CONSTRAINT "FK_b8e4301109a2850200ba2c7c512" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "person"
            ADD CONSTRAINT "FK_561dc68ecb6c390578ec8744485" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "local_credential"
            ADD CONSTRAINT "FK_1db8c84dafa45e9f34d15a5f3a0" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "external_identity"
            ADD CONSTRAINT "FK_bcc946d1d4cbdc5e7504c2e0370" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant"
            ADD CONSTRAINT "FK_03a176325f023b3a4ba96a01112" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Hand-written: what entity metadata cannot express (declared with synchronize: false there).
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_email" ON "person" (lower("email"))`);
        await queryRunner.query(`CREATE INDEX "ix_org_unit_path" ON "org_unit" USING gin ("path")`);
        await queryRunner.query(`
            ALTER TABLE "role_grant" ADD CONSTRAINT "ck_role_grant_scope" CHECK (
                (scope_kind = 'organisation' AND scope_org_unit_id IS NULL AND scope_theme IS NULL)
                OR (scope_kind = 'org_unit' AND scope_org_unit_id IS NOT NULL AND scope_theme IS NULL)
                OR (scope_kind = 'theme' AND scope_theme IS NOT NULL AND scope_org_unit_id IS NULL))
        `);
        await queryRunner.query(`
            CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "audit_event_append_only" ON "audit_event"`);
        await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
        await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "ck_role_grant_scope"`);
        await queryRunner.query(`DROP INDEX "public"."ix_org_unit_path"`);
        await queryRunner.query(`DROP INDEX "public"."uq_person_email"`);
        await queryRunner.query(`
            ALTER TABLE "role_grant" DROP CONSTRAINT "FK_03a176325f023b3a4ba96a01112"
        `);
        await queryRunner.query(`
            ALTER TABLE "external_identity" DROP CONSTRAINT "FK_bcc946d1d4cbdc5e7504c2e0370"
        `);
        await queryRunner.query(`
            ALTER TABLE "local_credential" DROP CONSTRAINT "FK_1db8c84dafa45e9f34d15a5f3a0"
        `);
        await queryRunner.query(`
            ALTER TABLE "person" DROP CONSTRAINT "FK_561dc68ecb6c390578ec8744485"
        `);
        await queryRunner.query(`
            ALTER TABLE "org_unit" DROP CONSTRAINT "FK_b8e4301109a2850200ba2c7c512"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_user_session_person_open"
        `);
        await queryRunner.query(`
            DROP TABLE "user_session"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_role_grant_person_active"
        `);
        await queryRunner.query(`
            DROP TABLE "role_grant"
        `);
        await queryRunner.query(`
            DROP TABLE "org_unit_headcount"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_external_identity_issuer_subject"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_external_identity_person"
        `);
        await queryRunner.query(`
            DROP TABLE "external_identity"
        `);
        await queryRunner.query(`
            DROP TABLE "directory_import"
        `);
        await queryRunner.query(`
            DROP TABLE "local_credential"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_person_employee_number"
        `);
        await queryRunner.query(`
            DROP TABLE "person"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_org_unit_code"
        `);
        await queryRunner.query(`
            DROP TABLE "org_unit"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_event_subject"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
    }

}
