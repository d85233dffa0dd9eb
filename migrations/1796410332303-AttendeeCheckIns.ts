import { MigrationInterface, QueryRunner } from "typeorm";

export class AttendeeCheckIns1796410332303 implements MigrationInterface {
    name = 'AttendeeCheckIns1796410332303'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "attendee_check_ins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "day" text NOT NULL, "walk_in" boolean NOT NULL DEFAULT false, "checked_in_by" uuid, "checked_in_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "attendee_check_ins_day_check" CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), CONSTRAINT "PK_a401e0b58f46b4118bd21457ea3" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "attendee_check_ins_edition_day_idx" ON "attendee_check_ins"  ("edition_id", "day") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "attendee_check_ins_attendee_day_key" ON "attendee_check_ins"  ("attendee_id", "day") `);
        await queryRunner.query(`ALTER TABLE "attendee_check_ins" ADD CONSTRAINT "FK_f885903522355de57daa7afb481" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_check_ins" ADD CONSTRAINT "FK_1531e44f81e436e11996ee27ca5" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_check_ins" ADD CONSTRAINT "FK_11a820496ebc8d01d7ec28446a5" FOREIGN KEY ("checked_in_by") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "attendee_check_ins" DROP CONSTRAINT "FK_11a820496ebc8d01d7ec28446a5"`);
        await queryRunner.query(`ALTER TABLE "attendee_check_ins" DROP CONSTRAINT "FK_1531e44f81e436e11996ee27ca5"`);
        await queryRunner.query(`ALTER TABLE "attendee_check_ins" DROP CONSTRAINT "FK_f885903522355de57daa7afb481"`);
        await queryRunner.query(`DROP INDEX "public"."attendee_check_ins_attendee_day_key"`);
        await queryRunner.query(`DROP INDEX "public"."attendee_check_ins_edition_day_idx"`);
        await queryRunner.query(`DROP TABLE "attendee_check_ins"`);
    }

}
