import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * numeric(13,2) holds at most 99 999 999 999.99, so the largest amount the domain and the CHECK
 * constraints allow (10¹¹) overflowed before its constraint was even checked. Two more digits of
 * precision let every allowed amount be stored; the CHECKs still bound them.
 */
export class RealisationAmounts1796600100000 implements MigrationInterface {
    name = 'RealisationAmounts1796600100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "implementation_project" ALTER COLUMN "budget_planned" TYPE numeric(14,2)`);
        await queryRunner.query(`ALTER TABLE "budget_line" ALTER COLUMN "amount" TYPE numeric(14,2)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "budget_line" ALTER COLUMN "amount" TYPE numeric(13,2)`);
        await queryRunner.query(`ALTER TABLE "implementation_project" ALTER COLUMN "budget_planned" TYPE numeric(13,2)`);
    }
}
