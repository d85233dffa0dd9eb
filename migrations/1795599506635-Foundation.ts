import { MigrationInterface, QueryRunner } from "typeorm";

export class Foundation1795599506635 implements MigrationInterface {
    name = 'Foundation1795599506635'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template" text NOT NULL, "recipient" text NOT NULL, "locale" text NOT NULL, "params" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "redrives" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" text, "smtp_response" text, "rejected_recipients" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "outbox_messages_status_check" CHECK (status IN ('pending','dispatched','sent','failed')), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "outbox_messages_relay_idx" ON "outbox_messages"  ("status", "created_at") `);
        await queryRunner.query(`CREATE TABLE "venues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_ko" text NOT NULL, "name_en" text NOT NULL, "address_ko" text NOT NULL, "address_en" text NOT NULL, "timezone" text NOT NULL DEFAULT 'Asia/Seoul', CONSTRAINT "UQ_50bf526467f058f21149cd0a03a" UNIQUE ("code"), CONSTRAINT "PK_cb0f885278d12384eb7a81818be" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "fair_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_ko" text NOT NULL, "name_en" text NOT NULL, "sector" text NOT NULL, "description_ko" text NOT NULL, "description_en" text NOT NULL, "assumed_fields" text array NOT NULL DEFAULT '{}', CONSTRAINT "UQ_091c6721d80ed4cabba93362ec9" UNIQUE ("code"), CONSTRAINT "PK_1bc4127a0f66da2e558feb6682e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "fair_editions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "series_id" uuid NOT NULL, "year" integer NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "venue_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'draft', "assumed_fields" text array NOT NULL DEFAULT '{}', "source" text, CONSTRAINT "UQ_22771803bc7e6a81a30336e0300" UNIQUE ("code"), CONSTRAINT "fair_editions_status_check" CHECK (status IN ('draft','published','registration_open','registration_closed','finished')), CONSTRAINT "fair_editions_dates_check" CHECK (ends_on >= starts_on), CONSTRAINT "PK_fc796c48ebf540b43f65705ba8f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "fair_editions_series_year_key" ON "fair_editions"  ("series_id", "year") `);
        await queryRunner.query(`CREATE TABLE "exhibitor_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "edition_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'submitted', "company_name" text NOT NULL, "business_registration_number" character(10) NOT NULL, "company_country" character(2) NOT NULL, "company_address" text NOT NULL, "company_website" text, "contact_name" text NOT NULL, "contact_email" text NOT NULL, "contact_phone" text NOT NULL, "booth_type" text NOT NULL, "booth_count" integer NOT NULL, "product_categories" text array NOT NULL, "locale" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "exhibitor_applications_brn_check" CHECK (business_registration_number ~ '^[0-9]{10}$'), CONSTRAINT "exhibitor_applications_booth_count_check" CHECK (booth_count BETWEEN 1 AND 100), CONSTRAINT "exhibitor_applications_booth_type_check" CHECK (booth_type IN ('raw_space','shell_scheme')), CONSTRAINT "exhibitor_applications_status_check" CHECK (status IN ('draft','submitted','under_review','changes_requested','approved','waitlisted','rejected','cancelled')), CONSTRAINT "PK_44ecb089b39aafa34911540a970" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "exhibitor_applications_edition_brn_key" ON "exhibitor_applications"  ("edition_id", "business_registration_number") `);
        await queryRunner.query(`CREATE TABLE "idempotency_keys" ("scope" text NOT NULL, "key" text NOT NULL, "fingerprint" text NOT NULL, "state" text NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "idempotency_keys_state_check" CHECK (state IN ('in_progress','completed')), CONSTRAINT "PK_15de2f76fa9f27ad8f330983607" PRIMARY KEY ("scope", "key"))`);
        await queryRunner.query(`CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"  ("created_at") `);
        await queryRunner.query(`CREATE TABLE "venue_spaces" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "venue_id" uuid NOT NULL, "code" text NOT NULL, "name_ko" text NOT NULL, "name_en" text NOT NULL, "kind" text NOT NULL, "building" text NOT NULL, "floor" integer NOT NULL, "area_m2" numeric(9,1), "seats" integer, "booth_capacity" integer, "assumed_fields" text array NOT NULL DEFAULT '{}', "source" text, CONSTRAINT "venue_spaces_kind_check" CHECK (kind IN ('exhibition_hall','convention_hall','multipurpose_hall','meeting_room')), CONSTRAINT "PK_18f48878a9c8e366e1f09920d8b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "venue_spaces_venue_code_key" ON "venue_spaces"  ("venue_id", "code") `);
        await queryRunner.query(`ALTER TABLE "fair_editions" ADD CONSTRAINT "FK_08d6c0dcd01095cc5c81bed76b6" FOREIGN KEY ("series_id") REFERENCES "fair_series"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "fair_editions" ADD CONSTRAINT "FK_a8d4118fdef54379eeb05094b62" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" ADD CONSTRAINT "FK_30772f9668d58182b925516a2c6" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "venue_spaces" ADD CONSTRAINT "FK_c268d9d49a51197995a24be3f86" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "venue_spaces" DROP CONSTRAINT "FK_c268d9d49a51197995a24be3f86"`);
        await queryRunner.query(`ALTER TABLE "exhibitor_applications" DROP CONSTRAINT "FK_30772f9668d58182b925516a2c6"`);
        await queryRunner.query(`ALTER TABLE "fair_editions" DROP CONSTRAINT "FK_a8d4118fdef54379eeb05094b62"`);
        await queryRunner.query(`ALTER TABLE "fair_editions" DROP CONSTRAINT "FK_08d6c0dcd01095cc5c81bed76b6"`);
        await queryRunner.query(`DROP INDEX "public"."venue_spaces_venue_code_key"`);
        await queryRunner.query(`DROP TABLE "venue_spaces"`);
        await queryRunner.query(`DROP INDEX "public"."idempotency_keys_created_at_idx"`);
        await queryRunner.query(`DROP TABLE "idempotency_keys"`);
        await queryRunner.query(`DROP INDEX "public"."exhibitor_applications_edition_brn_key"`);
        await queryRunner.query(`DROP TABLE "exhibitor_applications"`);
        await queryRunner.query(`DROP INDEX "public"."fair_editions_series_year_key"`);
        await queryRunner.query(`DROP TABLE "fair_editions"`);
        await queryRunner.query(`DROP TABLE "fair_series"`);
        await queryRunner.query(`DROP TABLE "venues"`);
        await queryRunner.query(`DROP INDEX "public"."outbox_messages_relay_idx"`);
        await queryRunner.query(`DROP TABLE "outbox_messages"`);
    }

}
