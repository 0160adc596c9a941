import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * An anonymous author's own "join as an author" invitation and an invitation by name from the lead
 * or the network may be pending together: refusing the second would tell the inviter that the person
 * they named is the idea's anonymous author. Still one pending invitation of each kind per person.
 */
export class TeamInvitationByName1796600200000 implements MigrationInterface {
    name = 'TeamInvitationByName1796600200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ux_idea_team_invitation_pending"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_idea_team_invitation_pending" ON "idea_team_invitation" ("idea_id", "invitee_id", ("invited_by" = "invitee_id")) WHERE status = 'pending'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "ux_idea_team_invitation_pending"`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_idea_team_invitation_pending" ON "idea_team_invitation" ("idea_id", "invitee_id") WHERE status = 'pending'`);
    }
}
