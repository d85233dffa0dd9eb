import { MigrationInterface, QueryRunner } from "typeorm";

export class Attendees1795608892391 implements MigrationInterface {
    name = 'Attendees1795608892391'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "attendees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "company" text, "country" character(2) NOT NULL, "kind" text NOT NULL, "days" text array NOT NULL, "locale" text NOT NULL, "consent_messages" boolean NOT NULL, "consent_share_contact" boolean NOT NULL, "badge_code" text NOT NULL, "access_token_hash" character(64) NOT NULL, "link_sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "attendees_days_check" CHECK (array_to_string(days, ',') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}(,[0-9]{4}-[0-9]{2}-[0-9]{2})*$'), CONSTRAINT "attendees_badge_code_check" CHECK (badge_code ~ '^FG-[0-9A-Z]{4}-[0-9A-Z]{4}$'), CONSTRAINT "attendees_email_lower_check" CHECK (email = lower(email)), CONSTRAINT "attendees_locale_check" CHECK (locale IN ('ko','en')), CONSTRAINT "attendees_kind_check" CHECK (kind IN ('trade_visitor','buyer','press')), CONSTRAINT "PK_0d01acb0e67860db61a6fb61a4a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "attendees_access_token_hash_key" ON "attendees"  ("access_token_hash") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "attendees_edition_badge_key" ON "attendees"  ("edition_id", "badge_code") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "attendees_edition_email_key" ON "attendees"  ("edition_id", "email") `);
        await queryRunner.query(`CREATE TABLE "attendee_leads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "edition_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "note" text NOT NULL DEFAULT '', "scanned_by_account_id" uuid, "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fdd0afa7511e0f021da4ab88a11" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "attendee_leads_attendee_idx" ON "attendee_leads"  ("attendee_id") `);
        await queryRunner.query(`CREATE INDEX "attendee_leads_company_edition_idx" ON "attendee_leads"  ("company_id", "edition_id", "scanned_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "attendee_leads_company_attendee_key" ON "attendee_leads"  ("company_id", "attendee_id") `);
        await queryRunner.query(`CREATE TABLE "attendee_session_picks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "attendee_id" uuid NOT NULL, "session_id" uuid NOT NULL, "status" text NOT NULL, "picked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "waitlisted_at" TIMESTAMP WITH TIME ZONE, "confirmed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "attendee_session_picks_state_check" CHECK ((status = 'confirmed' AND confirmed_at IS NOT NULL) OR (status = 'waitlisted' AND waitlisted_at IS NOT NULL AND confirmed_at IS NULL)), CONSTRAINT "attendee_session_picks_status_check" CHECK (status IN ('confirmed','waitlisted')), CONSTRAINT "PK_4776f0c00827d71bb7201cadd70" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "attendee_session_picks_waitlist_idx" ON "attendee_session_picks"  ("session_id", "waitlisted_at", "id") WHERE status = 'waitlisted'`);
        await queryRunner.query(`CREATE INDEX "attendee_session_picks_session_idx" ON "attendee_session_picks"  ("session_id", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "attendee_session_picks_attendee_session_key" ON "attendee_session_picks"  ("attendee_id", "session_id") `);
        await queryRunner.query(`CREATE TABLE "attendee_bookmarks" ("attendee_id" uuid NOT NULL, "application_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_df808e6e015574649560fb7ecfe" PRIMARY KEY ("attendee_id", "application_id"))`);
        await queryRunner.query(`CREATE INDEX "attendee_bookmarks_application_idx" ON "attendee_bookmarks"  ("application_id") `);
        await queryRunner.query(`CREATE TABLE "conference_session_seats" ("session_id" uuid NOT NULL, "capacity" integer NOT NULL, "taken" integer NOT NULL DEFAULT '0', CONSTRAINT "conference_session_seats_taken_check" CHECK (taken >= 0 AND taken <= capacity), CONSTRAINT "PK_25519fadeaea3b9490cee65dcaa" PRIMARY KEY ("session_id"))`);
        await queryRunner.query(`ALTER TABLE "attendees" ADD CONSTRAINT "FK_1fed73a1255b234151f8d30f56d" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_leads" ADD CONSTRAINT "FK_2e23f9ede6eef970e5fecd11022" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_leads" ADD CONSTRAINT "FK_4a6649e15349d15f2ebb6e28c66" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_leads" ADD CONSTRAINT "FK_2797a96ef18b302233f507a843d" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_leads" ADD CONSTRAINT "FK_e8f3583dd49dd8995f5c1809d08" FOREIGN KEY ("scanned_by_account_id") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_session_picks" ADD CONSTRAINT "FK_191db69f199b4a815b1e9c8b8e0" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_session_picks" ADD CONSTRAINT "FK_f6daff4ff97741f2e14c102d119" FOREIGN KEY ("session_id") REFERENCES "conference_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_bookmarks" ADD CONSTRAINT "FK_86f1cbd40c030304e3eeb617b51" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "attendee_bookmarks" ADD CONSTRAINT "FK_2eefdf50b1962629730bc3f9105" FOREIGN KEY ("application_id") REFERENCES "exhibitor_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "conference_session_seats" ADD CONSTRAINT "FK_25519fadeaea3b9490cee65dcaa" FOREIGN KEY ("session_id") REFERENCES "conference_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "conference_session_seats" DROP CONSTRAINT "FK_25519fadeaea3b9490cee65dcaa"`);
        await queryRunner.query(`ALTER TABLE "attendee_bookmarks" DROP CONSTRAINT "FK_2eefdf50b1962629730bc3f9105"`);
        await queryRunner.query(`ALTER TABLE "attendee_bookmarks" DROP CONSTRAINT "FK_86f1cbd40c030304e3eeb617b51"`);
        await queryRunner.query(`ALTER TABLE "attendee_session_picks" DROP CONSTRAINT "FK_f6daff4ff97741f2e14c102d119"`);
        await queryRunner.query(`ALTER TABLE "attendee_session_picks" DROP CONSTRAINT "FK_191db69f199b4a815b1e9c8b8e0"`);
        await queryRunner.query(`ALTER TABLE "attendee_leads" DROP CONSTRAINT "FK_e8f3583dd49dd8995f5c1809d08"`);
        await queryRunner.query(`ALTER TABLE "attendee_leads" DROP CONSTRAINT "FK_2797a96ef18b302233f507a843d"`);
        await queryRunner.query(`ALTER TABLE "attendee_leads" DROP CONSTRAINT "FK_4a6649e15349d15f2ebb6e28c66"`);
        await queryRunner.query(`ALTER TABLE "attendee_leads" DROP CONSTRAINT "FK_2e23f9ede6eef970e5fecd11022"`);
        await queryRunner.query(`ALTER TABLE "attendees" DROP CONSTRAINT "FK_1fed73a1255b234151f8d30f56d"`);
        await queryRunner.query(`DROP TABLE "conference_session_seats"`);
        await queryRunner.query(`DROP INDEX "public"."attendee_bookmarks_application_idx"`);
        await queryRunner.query(`DROP TABLE "attendee_bookmarks"`);
        await queryRunner.query(`DROP INDEX "public"."attendee_session_picks_attendee_session_key"`);
        await queryRunner.query(`DROP INDEX "public"."attendee_session_picks_session_idx"`);
        await queryRunner.query(`DROP INDEX "public"."attendee_session_picks_waitlist_idx"`);
        await queryRunner.query(`DROP TABLE "attendee_session_picks"`);
        await queryRunner.query(`DROP INDEX "public"."attendee_leads_company_attendee_key"`);
        await queryRunner.query(`DROP INDEX "public"."attendee_leads_company_edition_idx"`);
        await queryRunner.query(`DROP INDEX "public"."attendee_leads_attendee_idx"`);
        await queryRunner.query(`DROP TABLE "attendee_leads"`);
        await queryRunner.query(`DROP INDEX "public"."attendees_edition_email_key"`);
        await queryRunner.query(`DROP INDEX "public"."attendees_edition_badge_key"`);
        await queryRunner.query(`DROP INDEX "public"."attendees_access_token_hash_key"`);
        await queryRunner.query(`DROP TABLE "attendees"`);
    }

}
