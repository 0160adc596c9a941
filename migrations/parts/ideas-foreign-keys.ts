import type { QueryRunner } from 'typeorm';

// Part of migration 1795432683723-Ideas, moved here with its SQL unchanged. Not a migration itself:
// migrations/list.ts names the migrations TypeORM runs.

/** The foreign keys of the ideas tables (campaign, idea, attachments, phases, comments, follows, authors, events, links, supports). */
export async function addIdeasForeignKeys(queryRunner: QueryRunner): Promise<void> {
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
}

/** Drops them again, in reverse order. */
export async function dropIdeasForeignKeys(queryRunner: QueryRunner): Promise<void> {
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
}
