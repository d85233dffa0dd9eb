import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Interval } from './domain/booking-rules';
import type { HoldingConflict } from './domain/space-holder';
import { ACTIVE_BOOKING_SQL } from './venue.repository';

/** A space as a holding needs it: its atomic parts and its venue's hours. */
export interface HoldableSpace {
  id: string;
  code: string;
  nameKo: string;
  nameEn: string;
  boothCapacity: number | null;
  /** The atomic spaces it occupies: its parts, or itself. */
  leaves: string[];
  timezone: string;
  opensAt: string;
  closesAt: string;
}

/** The active booking a holder has, locked for a move. */
export interface ActiveHolding {
  id: string;
  spaceId: string;
  editionId: string | null;
  holderKind: string;
  holderRef: string;
  holderLabelEn: string;
  holderLabelKo: string;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  setupMinutes: number;
  teardownMinutes: number;
}

const HOLDING_COLUMNS = `b.id, b.space_id AS "spaceId", b.edition_id AS "editionId", b.holder_kind AS "holderKind", b.holder_ref AS "holderRef",
  b.holder_label_en AS "holderLabelEn", b.holder_label_ko AS "holderLabelKo", b.purpose, b.starts_at AS "startsAt", b.ends_at AS "endsAt",
  b.setup_minutes AS "setupMinutes", b.teardown_minutes AS "teardownMinutes"`;

/** The venue's queries for holdings: bookings the floors above make for what they place in a space. */
@Injectable()
export class SpaceHoldingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findSpace(manager: EntityManager, spaceId: string): Promise<HoldableSpace | null> {
    const rows: HoldableSpace[] = await manager.query(
      `SELECT s.id, s.code, s.name_ko AS "nameKo", s.name_en AS "nameEn", s.booth_capacity AS "boothCapacity",
              COALESCE((SELECT array_agg(p.part_space_id ORDER BY p.part_space_id) FROM venue_space_parts p WHERE p.whole_space_id = s.id), ARRAY[s.id]) AS leaves,
              v.timezone, to_char(v.opens_at, 'HH24:MI') AS "opensAt", to_char(v.closes_at, 'HH24:MI') AS "closesAt"
         FROM venue_spaces s JOIN venues v ON v.id = s.venue_id WHERE s.id = $1`,
      [spaceId],
    );
    return rows[0] ?? null;
  }

  async lockActiveByRef(manager: EntityManager, holderRef: string): Promise<ActiveHolding | null> {
    const rows: ActiveHolding[] = await manager.query(
      `SELECT ${HOLDING_COLUMNS} FROM venue_bookings b WHERE b.holder_ref = $1 AND b.status IN ('held','confirmed') FOR UPDATE`,
      [holderRef],
    );
    return rows[0] ?? null;
  }

  async lockActiveOfEdition(manager: EntityManager, editionId: string, holderKind: string): Promise<ActiveHolding[]> {
    return manager.query(
      `SELECT ${HOLDING_COLUMNS} FROM venue_bookings b WHERE b.edition_id = $1 AND b.holder_kind = $2 AND b.status IN ('held','confirmed')
        ORDER BY b.id FOR UPDATE`,
      [editionId, holderKind],
    );
  }

  /**
   * The active booking on one of these atomic spaces during the interval, other than the one
   * named: read in the caller's transaction (after the space locks), or on a fresh connection
   * once that transaction has failed.
   */
  async findConflict(manager: EntityManager | undefined, leafSpaceIds: string[], during: Interval, exceptBookingId: string | null): Promise<HoldingConflict | null> {
    const rows: HoldingConflict[] = await (manager ?? this.dataSource.manager).query(
      `SELECT b.id AS "bookingId", b.status, s.code AS "spaceCode", s.name_ko AS "spaceNameKo", s.name_en AS "spaceNameEn",
              b.occupied_from AS "occupiedFrom", b.occupied_until AS "occupiedUntil", b.purpose,
              b.holder_kind AS "holderKind", b.holder_label_en AS "holderLabelEn", b.holder_label_ko AS "holderLabelKo"
         FROM venue_booking_occupancies o JOIN venue_bookings b ON b.id = o.booking_id JOIN venue_spaces s ON s.id = b.space_id
        WHERE o.space_id = ANY($1::uuid[]) AND o.during && tstzrange($2, $3, '[)') AND ${ACTIVE_BOOKING_SQL}
          AND ($4::uuid IS NULL OR b.id <> $4::uuid)
        ORDER BY b.occupied_from LIMIT 1`,
      [leafSpaceIds, during.from, during.until, exceptBookingId],
    );
    return rows[0] ?? null;
  }

  async insertHolding(
    manager: EntityManager,
    h: Omit<ActiveHolding, 'id'> & { occupiedFrom: Date; occupiedUntil: Date; by: string | null },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO venue_bookings (space_id, edition_id, purpose, starts_at, ends_at, setup_minutes, teardown_minutes, occupied_from, occupied_until,
                                   status, created_by, confirmed_at, confirmed_by, holder_kind, holder_ref, holder_label_en, holder_label_ko)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'confirmed', $10, now(), $10, $11, $12, $13, $14) RETURNING id`,
      [h.spaceId, h.editionId, h.purpose, h.startsAt, h.endsAt, h.setupMinutes, h.teardownMinutes, h.occupiedFrom, h.occupiedUntil, h.by,
        h.holderKind, h.holderRef, h.holderLabelEn, h.holderLabelKo],
    );
    return rows[0].id;
  }

  async moveHolding(
    manager: EntityManager,
    id: string,
    h: Pick<ActiveHolding, 'spaceId' | 'purpose' | 'startsAt' | 'endsAt' | 'setupMinutes' | 'teardownMinutes' | 'holderLabelEn' | 'holderLabelKo'> & { occupiedFrom: Date; occupiedUntil: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE venue_bookings SET space_id = $2, purpose = $3, starts_at = $4, ends_at = $5, setup_minutes = $6, teardown_minutes = $7,
              occupied_from = $8, occupied_until = $9, holder_label_en = $10, holder_label_ko = $11, sequence = sequence + 1
        WHERE id = $1`,
      [id, h.spaceId, h.purpose, h.startsAt, h.endsAt, h.setupMinutes, h.teardownMinutes, h.occupiedFrom, h.occupiedUntil, h.holderLabelEn, h.holderLabelKo],
    );
  }

  async occupy(manager: EntityManager, bookingId: string, leafSpaceIds: string[], during: Interval): Promise<void> {
    await manager.query(
      `INSERT INTO venue_booking_occupancies (booking_id, space_id, during) SELECT $1, leaf, tstzrange($3, $4, '[)') FROM unnest($2::uuid[]) AS leaf`,
      [bookingId, leafSpaceIds, during.from, during.until],
    );
  }

  async vacate(manager: EntityManager, bookingId: string): Promise<void> {
    await manager.query(`DELETE FROM venue_booking_occupancies WHERE booking_id = $1`, [bookingId]);
  }

  async cancelHolding(manager: EntityManager, id: string, by: string | null, reason: string): Promise<void> {
    await manager.query(
      `UPDATE venue_bookings SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3, sequence = sequence + 1 WHERE id = $1`,
      [id, by, reason],
    );
  }
}
