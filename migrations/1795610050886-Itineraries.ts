import { MigrationInterface, QueryRunner } from "typeorm";

export class Itineraries1795610050886 implements MigrationInterface {
    name = 'Itineraries1795610050886'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "itinerary_items" ("attendee_id" uuid NOT NULL, "uid" text NOT NULL, "kind" text NOT NULL, "sequence" integer NOT NULL, "fingerprint" text NOT NULL, "cancelled" boolean NOT NULL DEFAULT false, "title" jsonb NOT NULL, "location" jsonb NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e2f7d4aa8a800dcf9a418718b0" PRIMARY KEY ("attendee_id", "uid"))`);
        await queryRunner.query(`CREATE TABLE "itinerary_reminders_sent" ("attendee_id" uuid NOT NULL, "key" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb3ed51ccd02a6ae829cbe33c46" PRIMARY KEY ("attendee_id", "key"))`);
        await queryRunner.query(`ALTER TABLE "attendees" ADD "itinerary_dirty_since" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "attendees" ADD "itinerary_batch_id" uuid`);
        await queryRunner.query(`CREATE INDEX "attendees_itinerary_dirty_idx" ON "attendees"  ("itinerary_dirty_since") WHERE itinerary_dirty_since IS NOT NULL`);
        await queryRunner.query(`ALTER TABLE "itinerary_items" ADD CONSTRAINT "FK_9ad8fbaa273b3bf04fcc0bd938d" FOREIGN KEY ("attendee_id") REFERENCES "attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "itinerary_items" DROP CONSTRAINT "FK_9ad8fbaa273b3bf04fcc0bd938d"`);
        await queryRunner.query(`DROP INDEX "public"."attendees_itinerary_dirty_idx"`);
        await queryRunner.query(`ALTER TABLE "attendees" DROP COLUMN "itinerary_batch_id"`);
        await queryRunner.query(`ALTER TABLE "attendees" DROP COLUMN "itinerary_dirty_since"`);
        await queryRunner.query(`DROP TABLE "itinerary_reminders_sent"`);
        await queryRunner.query(`DROP TABLE "itinerary_items"`);
    }

}
