import { MigrationInterface, QueryRunner } from "typeorm";

export class ScheduleFreeze1795604071299 implements MigrationInterface {
    name = 'ScheduleFreeze1795604071299'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "meeting_schedule_settings" ("edition_id" uuid NOT NULL, "frozen" boolean NOT NULL DEFAULT false, "frozen_at" TIMESTAMP WITH TIME ZONE, "frozen_by" uuid, CONSTRAINT "PK_af9a26350afd4968b189759edd6" PRIMARY KEY ("edition_id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "meeting_schedule_settings"`);
    }

}
