import { MigrationInterface, QueryRunner } from "typeorm";

export class RequestExpirySetting1795604340840 implements MigrationInterface {
    name = 'RequestExpirySetting1795604340840'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_schedule_settings" ADD "request_expiry_hours" integer NOT NULL DEFAULT '72'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_schedule_settings" DROP COLUMN "request_expiry_hours"`);
    }

}
