import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Issue 12, item 1: the sweeper clears an attendee's "changed" mark only if no change came in while it
 * composed. It compared timestamps across the driver (a JavaScript Date has milliseconds, timestamptz
 * microseconds), so marks never cleared. Each mark now also bumps a counter, compared in SQL.
 */
export class ItineraryDirtyVersion1796396948631 implements MigrationInterface {
    name = 'ItineraryDirtyVersion1796396948631'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "attendees" ADD "itinerary_dirty_version" integer NOT NULL DEFAULT '0'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "attendees" DROP COLUMN "itinerary_dirty_version"`);
    }

}
