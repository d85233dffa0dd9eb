import { MigrationInterface, QueryRunner } from "typeorm";

export class EditionLifecycleAndProgramme1795601857995 implements MigrationInterface {
    name = 'EditionLifecycleAndProgramme1795601857995'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "edition_opening_hours" ("edition_id" uuid NOT NULL, "day" date NOT NULL, "opens_at" TIME NOT NULL, "closes_at" TIME NOT NULL, CONSTRAINT "edition_opening_hours_order_check" CHECK (closes_at > opens_at), CONSTRAINT "PK_7a8b8693bbda685f1412978f4fe" PRIMARY KEY ("edition_id", "day"))`);
        await queryRunner.query(`CREATE TABLE "conference_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "title_ko" text NOT NULL, "title_en" text NOT NULL, "speakers" text array NOT NULL DEFAULT '{}', "room_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity" integer NOT NULL, CONSTRAINT "conference_sessions_capacity_check" CHECK (capacity > 0), CONSTRAINT "conference_sessions_times_check" CHECK (ends_at > starts_at), CONSTRAINT "PK_f1d56ce99d7473a29cef4652f2d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "conference_sessions_edition_idx" ON "conference_sessions"  ("edition_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "export_meeting_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "day" date NOT NULL, "starts_at" TIME NOT NULL, "ends_at" TIME NOT NULL, "slot_minutes" integer NOT NULL DEFAULT '30', "breaks" jsonb NOT NULL DEFAULT '[]', "space_id" uuid, CONSTRAINT "export_meeting_sessions_slot_check" CHECK (slot_minutes BETWEEN 10 AND 120), CONSTRAINT "export_meeting_sessions_times_check" CHECK (ends_at > starts_at), CONSTRAINT "PK_22ea5acb2e7b4f17743e49e51b9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "export_meeting_sessions_edition_day_key" ON "export_meeting_sessions"  ("edition_id", "day") `);
        await queryRunner.query(`CREATE TABLE "edition_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "from_status" text NOT NULL, "to_status" text NOT NULL, "changed_by" uuid NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" text, CONSTRAINT "PK_c3b24b9005156b75b2bb0365d53" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "edition_status_changes_edition_idx" ON "edition_status_changes"  ("edition_id", "changed_at") `);
        await queryRunner.query(`ALTER TABLE "edition_opening_hours" ADD CONSTRAINT "FK_6fcf904a0cd8b97a23d521b03d1" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "conference_sessions" ADD CONSTRAINT "FK_25ee543429504a97564667e9c08" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "conference_sessions" ADD CONSTRAINT "FK_e32bea68ecb76180eebd06349d8" FOREIGN KEY ("room_id") REFERENCES "venue_spaces"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "export_meeting_sessions" ADD CONSTRAINT "FK_7d57bdd15173b89e67b2605925b" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "export_meeting_sessions" ADD CONSTRAINT "FK_c2bbffca615707def9f661fa4fa" FOREIGN KEY ("space_id") REFERENCES "venue_spaces"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "edition_status_changes" ADD CONSTRAINT "FK_492a7dae3894ce0a54d95a8e912" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "edition_status_changes" DROP CONSTRAINT "FK_492a7dae3894ce0a54d95a8e912"`);
        await queryRunner.query(`ALTER TABLE "export_meeting_sessions" DROP CONSTRAINT "FK_c2bbffca615707def9f661fa4fa"`);
        await queryRunner.query(`ALTER TABLE "export_meeting_sessions" DROP CONSTRAINT "FK_7d57bdd15173b89e67b2605925b"`);
        await queryRunner.query(`ALTER TABLE "conference_sessions" DROP CONSTRAINT "FK_e32bea68ecb76180eebd06349d8"`);
        await queryRunner.query(`ALTER TABLE "conference_sessions" DROP CONSTRAINT "FK_25ee543429504a97564667e9c08"`);
        await queryRunner.query(`ALTER TABLE "edition_opening_hours" DROP CONSTRAINT "FK_6fcf904a0cd8b97a23d521b03d1"`);
        await queryRunner.query(`DROP INDEX "public"."edition_status_changes_edition_idx"`);
        await queryRunner.query(`DROP TABLE "edition_status_changes"`);
        await queryRunner.query(`DROP INDEX "public"."export_meeting_sessions_edition_day_key"`);
        await queryRunner.query(`DROP TABLE "export_meeting_sessions"`);
        await queryRunner.query(`DROP INDEX "public"."conference_sessions_edition_idx"`);
        await queryRunner.query(`DROP TABLE "conference_sessions"`);
        await queryRunner.query(`DROP TABLE "edition_opening_hours"`);
    }

}
