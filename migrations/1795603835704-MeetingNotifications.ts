import { MigrationInterface, QueryRunner } from "typeorm";

export class MeetingNotifications1795603835704 implements MigrationInterface {
    name = 'MeetingNotifications1795603835704'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meetings" ADD "notified_sequence" integer`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meetings" DROP COLUMN "notified_sequence"`);
    }

}
