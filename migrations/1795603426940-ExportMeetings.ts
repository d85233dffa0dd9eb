import { MigrationInterface, QueryRunner } from "typeorm";

export class ExportMeetings1795603426940 implements MigrationInterface {
    name = 'ExportMeetings1795603426940'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "meeting_participants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "side" text NOT NULL, "company_name" text NOT NULL, "country" character(2) NOT NULL, "contact_name" text NOT NULL, "email" text NOT NULL, "languages" text array NOT NULL, "interests" text array NOT NULL, "purchase_plans" text, "locale" text NOT NULL DEFAULT 'en', "table_code" text, "max_meetings" integer, "unavailable_slots" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_participants_max_check" CHECK (max_meetings IS NULL OR max_meetings > 0), CONSTRAINT "meeting_participants_side_check" CHECK (side IN ('buyer','exhibitor')), CONSTRAINT "PK_994ee66a92de655fb478c038980" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "meeting_participants_edition_side_email_key" ON "meeting_participants"  ("edition_id", "side", "email") `);
        await queryRunner.query(`CREATE TABLE "meeting_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "buyer_id" uuid NOT NULL, "exhibitor_id" uuid NOT NULL, "requested_by" text NOT NULL, "priority" text NOT NULL, "language" text, "status" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "responded_at" TIMESTAMP WITH TIME ZONE, "locked_slot_id" text, "locked_table_code" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_requests_priority_check" CHECK (priority IN ('must','want','nice')), CONSTRAINT "meeting_requests_status_check" CHECK (status IN ('pending','accepted','declined','expired','cancelled')), CONSTRAINT "PK_418e48920b2acbd0afdb7f9dec0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "meeting_requests_live_pair_key" ON "meeting_requests"  ("edition_id", "buyer_id", "exhibitor_id") WHERE status IN ('pending','accepted')`);
        await queryRunner.query(`CREATE TABLE "meeting_tables" ("edition_id" uuid NOT NULL, "code" text NOT NULL, CONSTRAINT "PK_7acc453c4ccc2cae324fc95b373" PRIMARY KEY ("edition_id", "code"))`);
        await queryRunner.query(`CREATE TABLE "meeting_interpreters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "name" text NOT NULL, "languages" text array NOT NULL, "unavailable_slots" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_8a46ba075288077c28b85566dc7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "meeting_schedule_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'queued', "keep_published" boolean NOT NULL DEFAULT true, "seed" integer NOT NULL DEFAULT '1', "progress" jsonb, "stats" jsonb, "unscheduled" jsonb, "error" text, "requested_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "meeting_schedule_runs_status_check" CHECK (status IN ('queued','running','done','failed')), CONSTRAINT "PK_07013cdf4c9a1bde36d1813c1f6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "meeting_schedule_runs_edition_idx" ON "meeting_schedule_runs"  ("edition_id", "created_at") `);
        await queryRunner.query(`CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "request_id" uuid NOT NULL, "slot_id" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "table_code" text NOT NULL, "interpreter_id" uuid, "status" text NOT NULL DEFAULT 'scheduled', "sequence" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meetings_times_check" CHECK (ends_at > starts_at), CONSTRAINT "meetings_status_check" CHECK (status IN ('scheduled','published','cancelled')), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "meetings_interpreter_slot_live_key" ON "meetings"  ("edition_id", "slot_id", "interpreter_id") WHERE status <> 'cancelled' AND interpreter_id IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "meetings_table_slot_live_key" ON "meetings"  ("edition_id", "slot_id", "table_code") WHERE status <> 'cancelled'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "meetings_request_live_key" ON "meetings"  ("request_id") WHERE status <> 'cancelled'`);
        await queryRunner.query(`CREATE TABLE "meeting_seats" ("participant_id" uuid NOT NULL, "slot_id" text NOT NULL, "meeting_id" uuid NOT NULL, CONSTRAINT "PK_bad18b6ad9ce3f26c629e0e6b37" PRIMARY KEY ("participant_id", "slot_id"))`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" ADD CONSTRAINT "FK_daa63b4a647d00953141531adf2" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_4bd85eeb261695710296612f2a5" FOREIGN KEY ("buyer_id") REFERENCES "meeting_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" ADD CONSTRAINT "FK_51e0424dc2f25ec192e6c1e49f8" FOREIGN KEY ("exhibitor_id") REFERENCES "meeting_participants"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_tables" ADD CONSTRAINT "FK_2bb73a164064c52888cd14c241a" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_interpreters" ADD CONSTRAINT "FK_8a6b654e44c010f2e5419e142f0" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "FK_f2db473ee7bcd5162e403f91469" FOREIGN KEY ("request_id") REFERENCES "meeting_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_seats" ADD CONSTRAINT "FK_2f93eb69e6e7dc418ed9cd69a1e" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_seats" DROP CONSTRAINT "FK_2f93eb69e6e7dc418ed9cd69a1e"`);
        await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_f2db473ee7bcd5162e403f91469"`);
        await queryRunner.query(`ALTER TABLE "meeting_interpreters" DROP CONSTRAINT "FK_8a6b654e44c010f2e5419e142f0"`);
        await queryRunner.query(`ALTER TABLE "meeting_tables" DROP CONSTRAINT "FK_2bb73a164064c52888cd14c241a"`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_51e0424dc2f25ec192e6c1e49f8"`);
        await queryRunner.query(`ALTER TABLE "meeting_requests" DROP CONSTRAINT "FK_4bd85eeb261695710296612f2a5"`);
        await queryRunner.query(`ALTER TABLE "meeting_participants" DROP CONSTRAINT "FK_daa63b4a647d00953141531adf2"`);
        await queryRunner.query(`DROP TABLE "meeting_seats"`);
        await queryRunner.query(`DROP INDEX "public"."meetings_request_live_key"`);
        await queryRunner.query(`DROP INDEX "public"."meetings_table_slot_live_key"`);
        await queryRunner.query(`DROP INDEX "public"."meetings_interpreter_slot_live_key"`);
        await queryRunner.query(`DROP TABLE "meetings"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_schedule_runs_edition_idx"`);
        await queryRunner.query(`DROP TABLE "meeting_schedule_runs"`);
        await queryRunner.query(`DROP TABLE "meeting_interpreters"`);
        await queryRunner.query(`DROP TABLE "meeting_tables"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_requests_live_pair_key"`);
        await queryRunner.query(`DROP TABLE "meeting_requests"`);
        await queryRunner.query(`DROP INDEX "public"."meeting_participants_edition_side_email_key"`);
        await queryRunner.query(`DROP TABLE "meeting_participants"`);
    }

}
