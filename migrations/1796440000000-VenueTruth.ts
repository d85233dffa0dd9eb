import { MigrationInterface, QueryRunner } from "typeorm";

export class VenueTruth1796440000000 implements MigrationInterface {
    name = 'VenueTruth1796440000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "fair_editions" ADD "build_up_days" integer NOT NULL DEFAULT '2'`);
        await queryRunner.query(`ALTER TABLE "fair_editions" ADD "tear_down_days" integer NOT NULL DEFAULT '1'`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" ADD "holder_kind" text`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" ADD "holder_ref" text`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" ADD "holder_label_en" text`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" ADD "holder_label_ko" text`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" ALTER COLUMN "created_by" DROP NOT NULL`);
        await queryRunner.query(`CREATE INDEX "venue_bookings_edition_holder_idx" ON "venue_bookings"  ("edition_id", "holder_kind") WHERE holder_kind IS NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "venue_bookings_active_holder_key" ON "venue_bookings"  ("holder_ref") WHERE holder_ref IS NOT NULL AND status IN ('held','confirmed')`);
        await queryRunner.query(`ALTER TABLE "fair_editions" ADD CONSTRAINT "fair_editions_build_days_check" CHECK (build_up_days BETWEEN 0 AND 7 AND tear_down_days BETWEEN 0 AND 7)`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" ADD CONSTRAINT "venue_bookings_holder_check" CHECK ((holder_kind IS NULL) = (holder_ref IS NULL) AND (holder_kind IS NULL) = (holder_label_en IS NULL) AND (holder_kind IS NULL) = (holder_label_ko IS NULL))`);

        // An edition's hall can never sell more booths than the space holds. The two numbers live
        // in two tables (edition_halls, venue_spaces), so a trigger on each side says so; a CHECK
        // cannot look across tables. Only a capacity that grows (or moves to another space) is
        // checked, so a row left above its space by old data can still be lowered or sold from.
        await queryRunner.query(`
          CREATE FUNCTION edition_halls_within_space_capacity() RETURNS trigger LANGUAGE plpgsql AS $fn$
          DECLARE space_capacity int; space_code text;
          BEGIN
            IF TG_OP = 'UPDATE' AND NEW.space_id = OLD.space_id AND NEW.booth_capacity <= OLD.booth_capacity THEN RETURN NEW; END IF;
            SELECT booth_capacity, code INTO space_capacity, space_code FROM venue_spaces WHERE id = NEW.space_id;
            IF space_capacity IS NULL OR NEW.booth_capacity > space_capacity THEN
              RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'edition_halls_within_space_capacity',
                MESSAGE = format('an edition hall of %s booth units exceeds the %s the space %s holds', NEW.booth_capacity, COALESCE(space_capacity::text, 'no booths'), space_code);
            END IF;
            RETURN NEW;
          END $fn$`);
        await queryRunner.query(`CREATE TRIGGER edition_halls_within_space_capacity BEFORE INSERT OR UPDATE OF booth_capacity, space_id ON edition_halls
          FOR EACH ROW EXECUTE FUNCTION edition_halls_within_space_capacity()`);
        await queryRunner.query(`
          CREATE FUNCTION venue_spaces_cover_edition_halls() RETURNS trigger LANGUAGE plpgsql AS $fn$
          BEGIN
            IF EXISTS (SELECT 1 FROM edition_halls h WHERE h.space_id = NEW.id AND (NEW.booth_capacity IS NULL OR h.booth_capacity > NEW.booth_capacity)
                        AND (OLD.booth_capacity IS NULL OR h.booth_capacity <= OLD.booth_capacity)) THEN
              RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'edition_halls_within_space_capacity',
                MESSAGE = format('space %s is sold to editions with more than %s booth units', NEW.code, COALESCE(NEW.booth_capacity::text, 'no booths'));
            END IF;
            RETURN NEW;
          END $fn$`);
        await queryRunner.query(`CREATE TRIGGER venue_spaces_cover_edition_halls BEFORE UPDATE OF booth_capacity ON venue_spaces
          FOR EACH ROW EXECUTE FUNCTION venue_spaces_cover_edition_halls()`);

        // Existing data. Hall capacities above their space come down to the space (never below
        // what is already sold there). Then everything that already occupies a space gets its
        // booking, in the order a venue manager would honour them: halls first (earliest
        // edition first), then conference sessions, then export-meeting areas. What fits is
        // booked; what collides with something booked before it is left without a booking and
        // reported (RAISE NOTICE names it): a migration must not fail on a live database, and
        // which of two overlapping fairs moves is the organizers' call, not the migration's.
        // Holder labels are written as the fairs area writes them (fairs/domain/holder-labels.ts).
        await queryRunner.query(`
          UPDATE edition_halls h SET booth_capacity = GREATEST(h.booths_taken, s.booth_capacity)
            FROM venue_spaces s WHERE s.id = h.space_id AND s.booth_capacity IS NOT NULL AND h.booth_capacity > s.booth_capacity`);
        await queryRunner.query(`
          DO $backfill$
          DECLARE r record; booking uuid; skipped int := 0; booked int := 0;
          BEGIN
            FOR r IN
              SELECT * FROM (
                SELECT 1 AS rank, 'edition-hall' AS kind, 'edition-hall:' || e.id || ':' || h.space_id AS ref, e.id AS edition_id, h.space_id,
                       e.year || ' ' || fs.name_en || ': exhibition with build-up and tear-down' AS label_en,
                       e.year || ' ' || fs.name_ko || ' 전시회(설치·철거 포함)' AS label_ko,
                       (e.starts_on + v.opens_at) AT TIME ZONE v.timezone AS starts_at, (e.ends_on + v.closes_at) AT TIME ZONE v.timezone AS ends_at,
                       e.build_up_days * 1440 AS setup, e.tear_down_days * 1440 AS teardown
                  FROM edition_halls h JOIN fair_editions e ON e.id = h.edition_id JOIN fair_series fs ON fs.id = e.series_id JOIN venues v ON v.id = e.venue_id
                UNION ALL
                SELECT 2, 'conference-session', 'conference-session:' || c.id, e.id, c.room_id,
                       'conference session ''' || c.title_en || ''' of ' || e.year || ' ' || fs.name_en,
                       e.year || ' ' || fs.name_ko || ' 학술회의 세션 ''' || c.title_ko || '''',
                       c.starts_at, c.ends_at, 0, 0
                  FROM conference_sessions c JOIN fair_editions e ON e.id = c.edition_id JOIN fair_series fs ON fs.id = e.series_id
                UNION ALL
                SELECT 3, 'meeting-area', 'meeting-area:' || m.id, e.id, m.space_id,
                       'export meetings of ' || e.year || ' ' || fs.name_en,
                       e.year || ' ' || fs.name_ko || ' 수출상담회',
                       (m.day + m.starts_at) AT TIME ZONE v.timezone, (m.day + m.ends_at) AT TIME ZONE v.timezone, 0, 0
                  FROM export_meeting_sessions m JOIN fair_editions e ON e.id = m.edition_id JOIN fair_series fs ON fs.id = e.series_id JOIN venues v ON v.id = e.venue_id
                 WHERE m.space_id IS NOT NULL
              ) holdings ORDER BY rank, starts_at, ref
            LOOP
              BEGIN
                INSERT INTO venue_bookings (space_id, edition_id, purpose, starts_at, ends_at, setup_minutes, teardown_minutes, occupied_from, occupied_until,
                                            status, confirmed_at, holder_kind, holder_ref, holder_label_en, holder_label_ko)
                VALUES (r.space_id, r.edition_id, r.label_en, r.starts_at, r.ends_at, r.setup, r.teardown,
                        r.starts_at - make_interval(mins => r.setup), r.ends_at + make_interval(mins => r.teardown),
                        'confirmed', now(), r.kind, r.ref, r.label_en, r.label_ko)
                RETURNING id INTO booking;
                INSERT INTO venue_booking_occupancies (booking_id, space_id, during)
                SELECT booking, leaf, tstzrange(r.starts_at - make_interval(mins => r.setup), r.ends_at + make_interval(mins => r.teardown), '[)')
                  FROM unnest(COALESCE((SELECT array_agg(p.part_space_id) FROM venue_space_parts p WHERE p.whole_space_id = r.space_id), ARRAY[r.space_id])) AS leaf;
                booked := booked + 1;
              EXCEPTION WHEN exclusion_violation OR check_violation THEN
                skipped := skipped + 1;
                RAISE NOTICE 'venue truth: % (%) overlaps a space booked before it; left without a booking, to be moved by its organizers', r.label_en, r.ref;
              END;
            END LOOP;
            RAISE NOTICE 'venue truth: % holdings booked, % left without a booking', booked, skipped;
          END $backfill$`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        // The holdings' bookings stay (as plain bookings once the holder columns go).
        await queryRunner.query(`DROP TRIGGER venue_spaces_cover_edition_halls ON venue_spaces`);
        await queryRunner.query(`DROP FUNCTION venue_spaces_cover_edition_halls()`);
        await queryRunner.query(`DROP TRIGGER edition_halls_within_space_capacity ON edition_halls`);
        await queryRunner.query(`DROP FUNCTION edition_halls_within_space_capacity()`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" DROP CONSTRAINT "venue_bookings_holder_check"`);
        await queryRunner.query(`ALTER TABLE "fair_editions" DROP CONSTRAINT "fair_editions_build_days_check"`);
        await queryRunner.query(`DROP INDEX "public"."venue_bookings_active_holder_key"`);
        await queryRunner.query(`DROP INDEX "public"."venue_bookings_edition_holder_idx"`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" ALTER COLUMN "created_by" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" DROP COLUMN "holder_label_ko"`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" DROP COLUMN "holder_label_en"`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" DROP COLUMN "holder_ref"`);
        await queryRunner.query(`ALTER TABLE "venue_bookings" DROP COLUMN "holder_kind"`);
        await queryRunner.query(`ALTER TABLE "fair_editions" DROP COLUMN "tear_down_days"`);
        await queryRunner.query(`ALTER TABLE "fair_editions" DROP COLUMN "build_up_days"`);
    }

}
