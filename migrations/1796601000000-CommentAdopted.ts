import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (issue 14, "comment adopted"): the idea's authors mark a comment that helped them
 * adopted (retenu). The mark is the comment's state: when it was set, null when not (or withdrawn).
 * Who set it is not stored on the row: the idea's history holds the act (`comment_adopted`), with no
 * actor when an anonymous author set it, as every act of theirs.
 */
export class CommentAdopted1796601000000 implements MigrationInterface {
  name = 'CommentAdopted1796601000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idea_comment" ADD COLUMN "adopted_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "idea_comment" DROP COLUMN "adopted_at"`);
  }
}
