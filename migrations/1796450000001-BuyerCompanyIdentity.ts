import { MigrationInterface, QueryRunner } from "typeorm";

export class BuyerCompanyIdentity1796450000001 implements MigrationInterface {
    name = 'BuyerCompanyIdentity1796450000001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD "alternate_company_name" text`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD "identifier_kind" text`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD "identifier" text`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_identifier_kind_check" CHECK (identifier_kind IS NULL OR identifier_kind IN ('kr-brn','eu-vat','gb-vat','register','tax','other'))`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_identifier_check" CHECK ((identifier IS NULL) = (identifier_kind IS NULL))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP CONSTRAINT "meeting_participants_identifier_check"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP CONSTRAINT "meeting_participants_identifier_kind_check"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP COLUMN "identifier"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP COLUMN "identifier_kind"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP COLUMN "alternate_company_name"`);
    }

}
