import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountsAndVenueBookings1795600343754 implements MigrationInterface {
    name = 'AccountsAndVenueBookings1795600343754'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // The no-double-booking exclusion constraint compares uuids with = inside a GiST index.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
        await queryRunner.query(`CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "display_name" text NOT NULL, "locale" text NOT NULL DEFAULT 'en', "disabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "accounts_role_check" CHECK (role IN ('organizer','exhibitor','buyer','attendee')), CONSTRAINT "accounts_email_lower_check" CHECK (email = lower(email)), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "accounts_email_key" ON "accounts"  ("email") `);
        await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"  ("token_hash") `);
        await queryRunner.query(`CREATE INDEX "sessions_account_idx" ON "sessions"  ("account_id") `);
        await queryRunner.query(`CREATE TABLE "venue_bookings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "edition_id" uuid, "purpose" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "setup_minutes" integer NOT NULL DEFAULT '0', "teardown_minutes" integer NOT NULL DEFAULT '0', "occupied_from" TIMESTAMP WITH TIME ZONE NOT NULL, "occupied_until" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "hold_expires_at" TIMESTAMP WITH TIME ZONE, "sequence" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_at" TIMESTAMP WITH TIME ZONE, "confirmed_by" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid, "cancel_reason" text, CONSTRAINT "venue_bookings_hold_check" CHECK (status <> 'held' OR hold_expires_at IS NOT NULL), CONSTRAINT "venue_bookings_status_check" CHECK (status IN ('held','confirmed','cancelled','expired')), CONSTRAINT "venue_bookings_times_check" CHECK (ends_at > starts_at AND occupied_from <= starts_at AND occupied_until >= ends_at), CONSTRAINT "PK_68dd7746ac0cbb328f776cd96e6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "venue_bookings_hold_expiry_idx" ON "venue_bookings"  ("hold_expires_at") WHERE status = 'held'`);
        await queryRunner.query(`CREATE INDEX "venue_bookings_space_occupied_idx" ON "venue_bookings"  ("space_id", "occupied_from") `);
        await queryRunner.query(`CREATE TABLE "venue_booking_occupancies" ("booking_id" uuid NOT NULL, "space_id" uuid NOT NULL, "during" tstzrange NOT NULL, CONSTRAINT "venue_booking_occupancies_no_overlap_per_space" EXCLUDE USING gist ("space_id" WITH =, "during" WITH &&), CONSTRAINT "PK_edcd1253d77761021f6697c1431" PRIMARY KEY ("booking_id", "space_id"))`);
        await queryRunner.query(`CREATE TABLE "venue_space_parts" ("whole_space_id" uuid NOT NULL, "part_space_id" uuid NOT NULL, CONSTRAINT "venue_space_parts_not_self_check" CHECK (whole_space_id <> part_space_id), CONSTRAINT "PK_36ab4f857d2c2a55913143e8cfb" PRIMARY KEY ("whole_space_id", "part_space_id"))`);
        await queryRunner.query(`ALTER TABLE "venues" ADD "opens_at" TIME NOT NULL DEFAULT '07:00:00'`);
        await queryRunner.query(`ALTER TABLE "venues" ADD "closes_at" TIME NOT NULL DEFAULT '23:00:00'`);
        await queryRunner.query(`ALTER TABLE "venue_spaces" ADD "capacity_classroom" integer`);
        await queryRunner.query(`ALTER TABLE "venue_spaces" ADD "capacity_banquet" integer`);
        await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_da0cf19646ff5c6e3c0284468e5" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" ADD CONSTRAINT "FK_af4c4c49d84c1c927d4f4dcb7c6" FOREIGN KEY ("space_id") REFERENCES "venue_spaces"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" ADD CONSTRAINT "FK_579c3fe7a0115c10fc5ac3ee874" FOREIGN KEY ("edition_id") REFERENCES "fair_editions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "venue_booking_occupancies" ADD CONSTRAINT "FK_8a8842254dcac8806618bc8df21" FOREIGN KEY ("booking_id") REFERENCES "venue_bookings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "venue_space_parts" ADD CONSTRAINT "FK_50419a8bbb2935e5ff2c0166c6e" FOREIGN KEY ("whole_space_id") REFERENCES "venue_spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "venue_space_parts" ADD CONSTRAINT "FK_92fc94f658074f19ab5c7561d54" FOREIGN KEY ("part_space_id") REFERENCES "venue_spaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "venue_space_parts" DROP CONSTRAINT "FK_92fc94f658074f19ab5c7561d54"`);
        await queryRunner.query(`ALTER TABLE "venue_space_parts" DROP CONSTRAINT "FK_50419a8bbb2935e5ff2c0166c6e"`);
        await queryRunner.query(`ALTER TABLE "venue_booking_occupancies" DROP CONSTRAINT "FK_8a8842254dcac8806618bc8df21"`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" DROP CONSTRAINT "FK_579c3fe7a0115c10fc5ac3ee874"`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" DROP CONSTRAINT "FK_af4c4c49d84c1c927d4f4dcb7c6"`);
        await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_da0cf19646ff5c6e3c0284468e5"`);
        await queryRunner.query(`ALTER TABLE "venue_spaces" DROP COLUMN "capacity_banquet"`);
        await queryRunner.query(`ALTER TABLE "venue_spaces" DROP COLUMN "capacity_classroom"`);
        await queryRunner.query(`ALTER TABLE "venues" DROP COLUMN "closes_at"`);
        await queryRunner.query(`ALTER TABLE "venues" DROP COLUMN "opens_at"`);
        await queryRunner.query(`DROP TABLE "venue_space_parts"`);
        await queryRunner.query(`DROP TABLE "venue_booking_occupancies"`);
        await queryRunner.query(`DROP INDEX "public"."venue_bookings_space_occupied_idx"`);
        await queryRunner.query(`DROP INDEX "public"."venue_bookings_hold_expiry_idx"`);
        await queryRunner.query(`DROP TABLE "venue_bookings"`);
        await queryRunner.query(`DROP INDEX "public"."sessions_account_idx"`);
        await queryRunner.query(`DROP INDEX "public"."sessions_token_hash_key"`);
        await queryRunner.query(`DROP TABLE "sessions"`);
        await queryRunner.query(`DROP INDEX "public"."accounts_email_key"`);
        await queryRunner.query(`DROP TABLE "accounts"`);
    }

}
