import { MigrationInterface, QueryRunner } from "typeorm";

export class RoleGrantRequests1796578186606 implements MigrationInterface {
    name = 'RoleGrantRequests1796578186606'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "role_grant_request" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "person_id" uuid NOT NULL,
                "role" text NOT NULL,
                "requested_by" uuid NOT NULL,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "status" text NOT NULL DEFAULT 'pending',
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "grant_id" uuid,
                CONSTRAINT "ck_role_grant_request_status" CHECK (status IN ('pending', 'approved', 'rejected')),
                CONSTRAINT "PK_a94c0d9c92eaff4cc1ef9fd8cbf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_role_grant_request_pending" ON "role_grant_request" ("person_id", "role")
            WHERE status = 'pending'
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant_request"
            ADD CONSTRAINT "FK_b882f3ae1f080b27c28e1e8872d" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant_request"
            ADD CONSTRAINT "FK_67b32f130f09ff58413d613f6e5" FOREIGN KEY ("requested_by") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "role_grant_request" DROP CONSTRAINT "FK_67b32f130f09ff58413d613f6e5"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grant_request" DROP CONSTRAINT "FK_b882f3ae1f080b27c28e1e8872d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_role_grant_request_pending"
        `);
        await queryRunner.query(`
            DROP TABLE "role_grant_request"
        `);
    }

}
