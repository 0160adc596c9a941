import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Chains the audit log: each row carries its position (`seq`), the previous row's hash and its own,
 * SHA-256 over the previous hash and the row's canonical content (the row as jsonb text, every column
 * but the two hashes, null columns left out so that a nullable column added later does not change
 * what the older rows hash to; timestamps in UTC). A BEFORE INSERT trigger computes them under a row lock on
 * the one-row `audit_chain_head`, so concurrent inserts queue up and cannot fork the chain, and every
 * insert (the app's, set-based SQL, a new column) is chained the same way. The trigger function runs as
 * its owner (SECURITY DEFINER): the application role needs no right on the chain head.
 * `npm run audit:verify` recomputes the chain (libs/server/identity/src/audit/audit-chain.ts).
 */
export class AuditChain1796577397226 implements MigrationInterface {
    name = 'AuditChain1796577397226'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_chain_head" (
                "id" boolean NOT NULL DEFAULT true,
                "seq" bigint NOT NULL,
                "hash" text NOT NULL,
                CONSTRAINT "CHK_audit_chain_head_single" CHECK ("id"),
                CONSTRAINT "PK_audit_chain_head" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "audit_event"
            ADD "seq" bigint,
            ADD "prev_hash" text,
            ADD "hash" text
        `);
        // The one definition of a link, used by the trigger and the back-fill below.
        await queryRunner.query(`
            CREATE FUNCTION audit_event_hash(prev text, e audit_event) RETURNS text
            LANGUAGE sql STABLE SET timezone = 'UTC' SET extra_float_digits = 3 AS $$
                SELECT encode(sha256(convert_to(prev || jsonb_strip_nulls((to_jsonb(e) - 'hash') - 'prev_hash')::text, 'UTF8')), 'hex')
            $$
        `);
        // Existing rows, in id order, from the genesis hash (64 zeros).
        await queryRunner.query(`ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_append_only"`);
        await queryRunner.query(`
            DO $$
            DECLARE
                r record;
                n bigint := 0;
                prev text := repeat('0', 64);
                h text;
            BEGIN
                FOR r IN SELECT id FROM audit_event ORDER BY id LOOP
                    n := n + 1;
                    UPDATE audit_event SET seq = n, prev_hash = prev WHERE id = r.id;
                    SELECT audit_event_hash(prev, e) INTO h FROM audit_event e WHERE e.id = r.id;
                    UPDATE audit_event SET hash = h WHERE id = r.id;
                    prev := h;
                END LOOP;
                INSERT INTO audit_chain_head (id, seq, hash) VALUES (true, n, prev);
            END
            $$
        `);
        await queryRunner.query(`ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_append_only"`);
        await queryRunner.query(`
            ALTER TABLE "audit_event"
            ALTER COLUMN "seq" SET NOT NULL,
            ALTER COLUMN "prev_hash" SET NOT NULL,
            ALTER COLUMN "hash" SET NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_audit_event_seq" ON "audit_event" ("seq")
        `);
        await queryRunner.query(`
            CREATE FUNCTION audit_event_chain() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
                head audit_chain_head%ROWTYPE;
            BEGIN
                SELECT * INTO STRICT head FROM audit_chain_head WHERE id FOR UPDATE;
                NEW.seq := head.seq + 1;
                NEW.prev_hash := head.hash;
                NEW.hash := audit_event_hash(head.hash, NEW);
                UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id;
                RETURN NEW;
            END
            $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER "audit_event_chain" BEFORE INSERT ON "audit_event"
            FOR EACH ROW EXECUTE FUNCTION audit_event_chain()
        `);
        // Nobody but the owner touches the head directly (the trigger runs as the owner).
        await queryRunner.query(`REVOKE ALL ON "audit_chain_head" FROM PUBLIC`);
        await queryRunner.query(`REVOKE ALL ON FUNCTION audit_event_chain() FROM PUBLIC`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "audit_event_chain" ON "audit_event"`);
        await queryRunner.query(`DROP FUNCTION audit_event_chain()`);
        await queryRunner.query(`DROP INDEX "public"."ux_audit_event_seq"`);
        await queryRunner.query(`DROP FUNCTION audit_event_hash(text, audit_event)`);
        await queryRunner.query(`
            ALTER TABLE "audit_event" DROP COLUMN "hash", DROP COLUMN "prev_hash", DROP COLUMN "seq"
        `);
        await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    }

}
