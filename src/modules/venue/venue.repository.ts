import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BookingOccupancy } from './entities/booking-occupancy.entity';
import { Booking, type BookingStatus } from './entities/booking.entity';
import { VenueSpacePart } from './entities/venue-space-part.entity';
import { VenueSpace } from './entities/venue-space.entity';
import { Venue } from './entities/venue.entity';
import type { AuditRowValues } from '../../core/audit/audit-trail';
import type { Interval } from './domain/booking-rules';
import { queryPrepared } from '../../core/database/prepared-statement';

/** A hold past its expiry is free, whether or not its expiry job has run yet. */
export const ACTIVE_BOOKING_SQL = `(b.status = 'confirmed' OR (b.status = 'held' AND b.hold_expires_at > now()))`;

export interface BookingFilter {
  venueId: string;
  spaceId?: string;
  editionId?: string;
  status?: BookingStatus;
  from?: Date;
  until?: Date;
  offset: number;
  limit: number;
}

export interface BusyInterval extends Interval {
  bookingId: string;
  /** held or confirmed */
  status: BookingStatus;
  /** The atomic space the booking occupies. */
  leafSpaceId: string;
  purpose: string;
}

/** What insertHoldStatement writes. */
export interface HoldInsert {
  lockTimeout: string;
  orderedLocks: boolean;
  spaceId: string;
  editionId: string | null;
  purpose: string;
  startsAt: Date;
  endsAt: Date;
  setupMinutes: number;
  teardownMinutes: number;
  occupiedFrom: Date;
  occupiedUntil: Date;
  holdExpiresAt: Date;
  createdBy: string;
  /** The atomic spaces the booking occupies (one occupancy row each). */
  leafSpaceIds: string[];
  /** The audit entry's values; its subject id is the new booking's. */
  audit: AuditRowValues;
}

/** The first argument of pg_advisory_xact_lock(int, int) for atomic venue spaces ('venu'). */
export const SPACE_LOCK_CLASS = 0x76656e75;

/**
 * Advisory-lock keys of atomic spaces (the first 32 bits of each id), without repeats, in
 * ascending order: the one global order every booking takes its locks in.
 */
export function spaceLockKeys(leafSpaceIds: string[]): number[] {
  const keys = new Set(leafSpaceIds.map((id) => Number.parseInt(id.replace(/-/g, '').slice(0, 8), 16) | 0));
  return [...keys].sort((a, b) => a - b);
}

/** Every query of the venue area. Each takes the venue or space it is scoped to. */
@Injectable()
export class VenueRepository {
  constructor(private readonly dataSource: DataSource) {}

  findVenueByCode(code: string): Promise<Venue | null> {
    return this.dataSource.getRepository(Venue).findOneBy({ code });
  }

  findVenues(): Promise<Venue[]> {
    return this.dataSource.getRepository(Venue).find({ order: { code: 'ASC' } });
  }

  findSpaces(venueId: string): Promise<VenueSpace[]> {
    return this.dataSource.getRepository(VenueSpace).find({ where: { venueId }, order: { building: 'ASC', floor: 'ASC', code: 'ASC' } });
  }

  findSpaceByCode(venueId: string, code: string): Promise<VenueSpace | null> {
    return this.dataSource.getRepository(VenueSpace).findOneBy({ venueId, code });
  }

  /** whole space id → its part ids, for one venue. */
  async findParts(venueId: string): Promise<Map<string, string[]>> {
    const rows = await this.dataSource
      .getRepository(VenueSpacePart)
      .createQueryBuilder('p')
      .innerJoin('p.whole', 'w')
      .where('w.venue_id = :venueId', { venueId })
      .getMany();
    const parts = new Map<string, string[]>();
    for (const r of rows) parts.set(r.wholeSpaceId, [...(parts.get(r.wholeSpaceId) ?? []), r.partSpaceId]);
    return parts;
  }

  /** Holds past their expiry that still occupy these atomic spaces during the interval. */
  async findOverdueHoldsOn(leafSpaceIds: string[], during: Interval): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT b.id FROM venue_bookings b JOIN venue_booking_occupancies o ON o.booking_id = b.id
        WHERE b.status = 'held' AND b.hold_expires_at <= now()
          AND o.space_id = ANY($1::uuid[]) AND o.during && tstzrange($2, $3, '[)')`,
      [leafSpaceIds, during.from, during.until],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Locks the atomic spaces for the rest of the transaction, one after the other in ascending key
   * order (unnest keeps the array's order), so two bookings that share spaces never wait for each
   * other in a circle (the exclusion constraint alone lets two inserters each wait for the other).
   */
  async lockSpaces(manager: EntityManager, leafSpaceIds: string[]): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1::int, k) FROM unnest($2::int[]) AS k`, [SPACE_LOCK_CLASS, spaceLockKeys(leafSpaceIds)]);
  }

  /**
   * Any lock wait longer than this, for the rest of the transaction, fails with 55P03 instead of
   * holding a connection; it covers the exclusion constraint's waits for other inserters too.
   */
  async setLockTimeout(manager: EntityManager, lockTimeout: string): Promise<void> {
    await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [lockTimeout]);
  }

  async insertBooking(manager: EntityManager, booking: Partial<Booking>, leafSpaceIds: string[]): Promise<Booking> {
    const saved = await manager.getRepository(Booking).save(manager.create(Booking, booking));
    await manager.getRepository(BookingOccupancy).insert(
      leafSpaceIds.map((spaceId) => ({
        bookingId: saved.id,
        spaceId,
        during: `[${saved.occupiedFrom.toISOString()},${saved.occupiedUntil.toISOString()})`,
      })),
    );
    return saved;
  }

  /**
   * A hold (a plain booking, no holder, no email) in ONE statement, its own transaction: the lock
   * timeout, the atomic spaces' advisory locks in ascending key order (empty without ordered locks),
   * the booking row, its occupancy rows (the exclusion constraint checks them: 23P01 on overlap, and
   * then nothing is written) and its audit entry. The locks come first because the INSERT reads
   * their aggregate; every lock is released when the statement ends. One round trip where
   * BEGIN … COMMIT took seven.
   */
  async insertHoldStatement(h: HoldInsert): Promise<{ id: string; createdAt: Date; sequence: number }> {
    const rows = await queryPrepared<{ id: string; created_at: Date; sequence: number }>(
      this.dataSource,
      'venue.insert-hold',
      `WITH cfg AS (SELECT set_config('lock_timeout', $1::text, true) AS v),
            locks AS (SELECT pg_advisory_xact_lock($2::int, u.k) FROM cfg, unnest($3::int[]) WITH ORDINALITY AS u(k, n) ORDER BY u.n),
            booking AS (
              INSERT INTO venue_bookings (space_id, edition_id, purpose, starts_at, ends_at, setup_minutes, teardown_minutes,
                                          occupied_from, occupied_until, status, hold_expires_at, created_by)
              SELECT $4::uuid, $5::uuid, $6::text, $7::timestamptz, $8::timestamptz, $9::int, $10::int,
                     $11::timestamptz, $12::timestamptz, 'held', $13::timestamptz, $14::uuid
                FROM (SELECT count(*) FROM locks) AS taken
              RETURNING id, created_at, sequence
            ),
            occupied AS (
              INSERT INTO venue_booking_occupancies (booking_id, space_id, during)
              SELECT b.id, leaf, tstzrange($11::timestamptz, $12::timestamptz, '[)') FROM booking b, unnest($15::uuid[]) AS leaf
            ),
            audited AS (
              INSERT INTO audit_entries (actor_account_id, actor_email, scope_id, action, subject_type, subject_id, before, after)
              SELECT $16::uuid, $17::text, $18::uuid, $19::text, $20::text, b.id::text, $21::jsonb, $22::jsonb FROM booking b
            )
       SELECT id, created_at, sequence FROM booking`,
      [
        h.lockTimeout,
        SPACE_LOCK_CLASS,
        h.orderedLocks ? spaceLockKeys(h.leafSpaceIds) : [],
        h.spaceId,
        h.editionId,
        h.purpose,
        h.startsAt,
        h.endsAt,
        h.setupMinutes,
        h.teardownMinutes,
        h.occupiedFrom,
        h.occupiedUntil,
        h.holdExpiresAt,
        h.createdBy,
        h.leafSpaceIds,
        h.audit.actorAccountId,
        h.audit.actorEmail,
        h.audit.scopeId,
        h.audit.action,
        h.audit.subjectType,
        h.audit.before,
        h.audit.after,
      ],
    );
    return { id: rows[0].id, createdAt: rows[0].created_at, sequence: rows[0].sequence };
  }

  async releaseOccupancy(manager: EntityManager, bookingId: string): Promise<void> {
    await manager.delete(BookingOccupancy, { bookingId });
  }

  /** Locks the booking for a state change; scoped to its venue when the caller names one. */
  lockBooking(manager: EntityManager, id: string, venueId?: string): Promise<Booking | null> {
    const q = manager
      .getRepository(Booking)
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.space', 's')
      .setLock('pessimistic_write', undefined, ['b'])
      .where('b.id = :id', { id });
    if (venueId) q.andWhere('s.venue_id = :venueId', { venueId });
    return q.getOne();
  }

  findBooking(venueId: string, id: string): Promise<Booking | null> {
    return this.dataSource
      .getRepository(Booking)
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.space', 's')
      .where('b.id = :id AND s.venue_id = :venueId', { id, venueId })
      .getOne();
  }

  /** The active booking that holds one of these atomic spaces during the interval, if any. */
  async findActiveConflict(leafSpaceIds: string[], during: Interval): Promise<Booking | null> {
    return this.dataSource
      .getRepository(Booking)
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.space', 's')
      .innerJoin(BookingOccupancy, 'o', 'o.booking_id = b.id')
      .where(`o.space_id = ANY(:leaves::uuid[]) AND o.during && tstzrange(:from, :until, '[)') AND ${ACTIVE_BOOKING_SQL}`, {
        leaves: leafSpaceIds,
        from: during.from,
        until: during.until,
      })
      .orderBy('b.created_at')
      .getOne();
  }

  async listBookings(f: BookingFilter): Promise<{ items: Booking[]; total: number }> {
    const q = this.dataSource
      .getRepository(Booking)
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.space', 's')
      .where('s.venue_id = :venueId', { venueId: f.venueId });
    if (f.spaceId) q.andWhere('b.space_id = :spaceId', { spaceId: f.spaceId });
    if (f.editionId) q.andWhere('b.edition_id = :editionId', { editionId: f.editionId });
    if (f.from) q.andWhere('b.occupied_until > :from', { from: f.from });
    if (f.until) q.andWhere('b.occupied_from < :until', { until: f.until });
    if (f.status === 'expired') q.andWhere(`(b.status = 'expired' OR (b.status = 'held' AND b.hold_expires_at <= now()))`);
    else if (f.status === 'held') q.andWhere(`b.status = 'held' AND b.hold_expires_at > now()`);
    else if (f.status) q.andWhere('b.status = :status', { status: f.status });
    const [items, total] = await q.orderBy('b.occupied_from').addOrderBy('b.id').skip(f.offset).take(f.limit).getManyAndCount();
    return { items, total };
  }

  /** Active bookings' occupied intervals on these atomic spaces within [from, until). */
  async findBusy(leafSpaceIds: string[], from: Date, until: Date): Promise<BusyInterval[]> {
    const rows: Array<{ booking_id: string; status: BookingStatus; space_id: string; purpose: string; from: Date; until: Date }> =
      await this.dataSource.query(
        `SELECT o.booking_id, b.status, o.space_id, b.purpose, lower(o.during) AS "from", upper(o.during) AS "until"
           FROM venue_booking_occupancies o JOIN venue_bookings b ON b.id = o.booking_id
          WHERE o.space_id = ANY($1::uuid[]) AND o.during && tstzrange($2, $3, '[)') AND ${ACTIVE_BOOKING_SQL}
          ORDER BY lower(o.during)`,
        [leafSpaceIds, from, until],
      );
    return rows.map((r) => ({ bookingId: r.booking_id, status: r.status, leafSpaceId: r.space_id, purpose: r.purpose, from: r.from, until: r.until }));
  }

  /** Bookings of a space for its calendar feed: active ones and recently ended or cancelled ones. */
  findForFeed(spaceId: string, since: Date): Promise<Booking[]> {
    return this.dataSource
      .getRepository(Booking)
      .createQueryBuilder('b')
      .where('b.space_id = :spaceId AND b.occupied_until > :since', { spaceId, since })
      .orderBy('b.starts_at')
      .take(2000)
      .getMany();
  }

  /** Holds past their expiry, for the sweeper. */
  async findOverdueHoldIds(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM venue_bookings WHERE status = 'held' AND hold_expires_at <= now() ORDER BY hold_expires_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }
}
