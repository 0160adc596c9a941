import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: claiming one's anonymous contributions (docs/recognition.md §1, "Anonymity"). A person
 * asks to be named on ALL their anonymous entries of one idea; the anonymity guardian grants or
 * refuses; once granted, the entries get `claimed_at` and are named like any other. One pending claim
 * per person and idea at a time; a refusal says why.
 */
export class ContributionClaims1796600470000 implements MigrationInterface {
  name = 'ContributionClaims1796600470000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "contribution_claim" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "idea_id" uuid NOT NULL REFERENCES "idea" ("id") ON DELETE CASCADE,
        "person_id" uuid NOT NULL REFERENCES "person" ("id") ON DELETE CASCADE,
        "status" text NOT NULL DEFAULT 'pending',
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "decided_by" uuid REFERENCES "person" ("id") ON DELETE SET NULL,
        "reason" text,
        CONSTRAINT "pk_contribution_claim" PRIMARY KEY ("id"),
        CONSTRAINT "ck_contribution_claim_status" CHECK (status IN ('pending', 'granted', 'refused')),
        CONSTRAINT "ck_contribution_claim_decided" CHECK ((status = 'pending') = (decided_at IS NULL)),
        CONSTRAINT "ck_contribution_claim_reason" CHECK (
          (status = 'refused') = (reason IS NOT NULL) AND (reason IS NULL OR char_length(reason) BETWEEN 1 AND 1000)
        )
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_contribution_claim_pending" ON "contribution_claim" ("idea_id", "person_id") WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_contribution_claim_person" ON "contribution_claim" ("person_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_contribution_claim_pending" ON "contribution_claim" ("requested_at") WHERE status = 'pending'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contribution_claim"`);
  }
}
