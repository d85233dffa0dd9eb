import { MigrationInterface, QueryRunner } from "typeorm";

export class ExhibitorMeetingOptIn1796420000000 implements MigrationInterface {
    name = 'ExhibitorMeetingOptIn1796420000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD "company_id" uuid`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD "application_id" uuid`);
        await queryRunner.query(`CREATE UNIQUE INDEX "meeting_participants_edition_company_key" ON "meeting_participants" ("edition_id", "company_id") WHERE company_id IS NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."meeting_participants_edition_company_key"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP COLUMN "application_id"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP COLUMN "company_id"`);
    }

}
