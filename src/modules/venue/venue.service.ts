import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../core/auth/principal';
import { TtlCache } from '../../core/cache/ttl-cache';
import { renderCalendar } from '../../core/calendar/icalendar';
import { AppConfig } from '../../core/config/app-config';
import { Bulkhead, BulkheadTimeoutError } from '../../core/database/bulkhead';
import { PgError, pgCode } from '../../core/database/postgres-errors';
import { TransactionRunner, type TransactionContext } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import type { MailTemplate } from '../../core/mail/mail-template';
import { OutboxService } from '../../core/outbox/outbox.service';
import { housekeepingJobOptions, Queues, type JobCatalogue } from '../../core/queue/job-catalogue';
import { Account } from '../../core/auth/entities/account.entity';
import { freeWindows, occupiedInterval, timeProblems, type Interval } from './domain/booking-rules';
import { datesBetween, DEFAULT_TIME_ZONE, formatLocal, localToInstant } from '../../core/time/zoned-time';
import type { AvailabilityQuery, CreateBookingDto, ListBookingsQuery } from './dto/booking.dto';
import type { BookingPageResponse, BookingResponse, DayViewResponse, SpaceAvailabilityResponse, SpaceResponse, VenueResponse } from './dto/venue.response';
import type { Booking, BookingStatus } from './entities/booking.entity';
import type { VenueSpace } from './entities/venue-space.entity';
import type { Venue } from './entities/venue.entity';
import { EditionLookup } from './ports/edition-lookup';
import { bookingCancelledMail, bookingConfirmedMail, holdExpiredMail, type BookingMailParams } from './mail/booking-mails';
import { VenueRepository } from './venue.repository';

/** The venue as the service sees it: its spaces and which atomic spaces each one covers. */
interface VenueLayout {
  venue: Venue;
  spaces: VenueSpace[];
  byCode: Map<string, VenueSpace>;
  byId: Map<string, VenueSpace>;
  /** space id → the atomic spaces it occupies (itself, or its parts). */
  leaves: Map<string, string[]>;
  parts: Map<string, string[]>;
}

const MAX_AVAILABILITY_DAYS = 31;
const LAYOUT_TTL_MS = 60_000;
/**
 * Booking transactions one process runs at once. A third of the smallest pool (10): a burst of
 * bookings of one room waits in line in the process, not on connections, so /health and every
 * other route still find a free one.
 */
export const BOOKING_WRITERS = 3;
/** The longest a booking waits for a lock (another booking of the same space) before answering 503. */
const BOOKING_LOCK_TIMEOUT = '5s';
/** Retry-After of a booking refused because its space was too busy to lock in time. */
const BUSY_RETRY_AFTER_SECONDS = 1;

@Injectable()
export class VenueService {
  private readonly logger = new Logger('venue');
  private readonly layouts = new TtlCache<string, VenueLayout>(LAYOUT_TTL_MS);
  private readonly writers: Bulkhead;

  constructor(
    private readonly venues: VenueRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly editions: EditionLookup,
    private readonly config: AppConfig,
    @InjectQueue(Queues.Venue) private readonly venueQueue: Queue<JobCatalogue['venue.hold-expire']>,
  ) {
    this.writers = new Bulkhead('venue booking writers', BOOKING_WRITERS, config.databasePoolWaitMs);
  }

  async listVenues(): Promise<VenueResponse[]> {
    return (await this.venues.findVenues()).map(toVenueResponse);
  }

  async listSpaces(venueCode: string): Promise<SpaceResponse[]> {
    const layout = await this.layout(venueCode);
    const partOf = new Map<string, string[]>();
    for (const [whole, parts] of layout.parts) for (const p of parts) partOf.set(p, [...(partOf.get(p) ?? []), layout.byId.get(whole)!.code]);
    return layout.spaces.map((s) => ({
      code: s.code,
      nameKo: s.nameKo,
      nameEn: s.nameEn,
      kind: s.kind,
      building: s.building,
      floor: s.floor,
      areaM2: s.areaM2 === null ? null : Number(s.areaM2),
      capacity: { theatre: s.seats, classroom: s.capacityClassroom, banquet: s.capacityBanquet, exhibitionBooths: s.boothCapacity },
      parts: (layout.parts.get(s.id) ?? []).map((id) => layout.byId.get(id)!.code).sort(),
      partOf: (partOf.get(s.id) ?? []).sort(),
      assumedFields: s.assumedFields,
    }));
  }

  /**
   * Places a hold (or, with confirm, a firm booking). The transaction first locks the atomic spaces
   * in one global order (pretix's way for multi-resource rules), so bookings of a combined space
   * and of its parts queue up instead of deadlocking; the database still refuses an overlap on any
   * atomic space (exclusion constraint), and that refusal becomes 409 naming the booking in the way.
   * A lock that cannot be had in time (or a deadlock left after the runner's retries) is 503 with
   * Retry-After, never 500.
   */
  async createBooking(venueCode: string, principal: Principal, dto: CreateBookingDto): Promise<BookingResponse> {
    const layout = await this.layout(venueCode);
    const space = this.space(layout, dto.space);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const setupMinutes = dto.setupMinutes ?? 0;
    const teardownMinutes = dto.teardownMinutes ?? 0;
    const problems = timeProblems({ startsAt, endsAt, setupMinutes, teardownMinutes }, layout.venue);
    if (problems.length > 0) throw DomainError.validation(problems.map((p) => ({ field: p.field, messages: [p.message] })));
    const edition = dto.edition ? await this.editions.require(dto.edition) : undefined;
    const occupied = occupiedInterval(startsAt, endsAt, setupMinutes, teardownMinutes);
    const leaves = layout.leaves.get(space.id)!;
    const confirm = dto.confirm === true;
    const holdMinutes = dto.holdMinutes ?? this.config.holdMinutes;

    const insert = (): Promise<Booking> =>
      this.transactions.run(async (tx) => {
        await this.venues.setLockTimeout(tx.manager, BOOKING_LOCK_TIMEOUT);
        if (this.config.venueOrderedLocks) await this.venues.lockSpaces(tx.manager, leaves);
        const now = new Date();
        const saved = await this.venues.insertBooking(
          tx.manager,
          {
            spaceId: space.id,
            editionId: edition?.id ?? null,
            purpose: dto.purpose,
            startsAt,
            endsAt,
            setupMinutes,
            teardownMinutes,
            occupiedFrom: occupied.from,
            occupiedUntil: occupied.until,
            status: confirm ? 'confirmed' : 'held',
            holdExpiresAt: confirm ? null : new Date(now.getTime() + holdMinutes * 60000),
            createdBy: principal.accountId,
            confirmedAt: confirm ? now : null,
            confirmedBy: confirm ? principal.accountId : null,
          },
          leaves,
        );
        if (confirm) await this.notify(tx, bookingConfirmedMail, saved, space, principal.accountId);
        return saved;
      });

    const booking = await this.writers.run(() => this.insertOrExplain(insert, layout, leaves, occupied)).catch((error: unknown) => {
      throw asBusyError(error, space.code);
    });
    if (booking.holdExpiresAt) this.scheduleHoldExpiry(booking.id, booking.holdExpiresAt);
    return this.toResponse(layout, booking, edition?.code ?? null);
  }

  private async insertOrExplain(insert: () => Promise<Booking>, layout: VenueLayout, leaves: string[], occupied: Interval): Promise<Booking> {
    try {
      return await insert();
    } catch (error) {
      if (pgCode(error) !== PgError.ExclusionViolation) throw error;
      // Something holds the time. If it is only holds past their expiry whose job has not run
      // yet, lapse them now and try once more; otherwise it is a real conflict.
      let lapsed = 0;
      for (const id of await this.venues.findOverdueHoldsOn(leaves, occupied)) if (await this.expireHold(id)) lapsed++;
      if (lapsed === 0) throw await this.conflictError(layout, leaves, occupied);
      try {
        return await insert();
      } catch (retryError) {
        if (pgCode(retryError) === PgError.ExclusionViolation) throw await this.conflictError(layout, leaves, occupied);
        throw retryError;
      }
    }
  }

  async confirm(venueCode: string, principal: Principal, id: string): Promise<BookingResponse> {
    const layout = await this.layout(venueCode);
    const booking = await this.transactions.run(async (tx) => {
      const b = await this.lock(tx.manager, layout, id);
      if (b.status === 'confirmed') return b; // confirming twice changes nothing
      if (b.status === 'held' && b.holdExpiresAt! <= new Date()) {
        await this.lapse(tx, b);
        return b;
      }
      if (b.status !== 'held') return b;
      b.status = 'confirmed';
      b.confirmedAt = new Date();
      b.confirmedBy = principal.accountId;
      b.holdExpiresAt = null;
      b.sequence += 1;
      await tx.manager.save(b);
      await this.notify(tx, bookingConfirmedMail, b, layout.byId.get(b.spaceId)!, principal.accountId);
      return b;
    });
    if (booking.status !== 'confirmed') {
      throw new DomainError(ErrorCode.IllegalTransition, `Booking ${id} is ${booking.status} and can no longer be confirmed; place a new hold.`, {
        bookingStatus: booking.status,
      });
    }
    return (await this.toResponses(layout, [booking]))[0];
  }

  async cancel(venueCode: string, principal: Principal, id: string, reason: string | undefined): Promise<BookingResponse> {
    const layout = await this.layout(venueCode);
    const booking = await this.transactions.run(async (tx) => {
      const b = await this.lock(tx.manager, layout, id);
      if (b.status === 'cancelled' || b.status === 'expired') return b;
      b.status = 'cancelled';
      b.cancelledAt = new Date();
      b.cancelledBy = principal.accountId;
      b.cancelReason = reason ?? null;
      b.sequence += 1;
      await tx.manager.save(b);
      await this.venues.releaseOccupancy(tx.manager, b.id);
      await this.notify(tx, bookingCancelledMail, b, layout.byId.get(b.spaceId)!, principal.accountId);
      return b;
    });
    if (booking.status === 'expired') {
      throw new DomainError(ErrorCode.IllegalTransition, `Booking ${id} expired before it was confirmed; there is nothing to cancel.`, { bookingStatus: 'expired' });
    }
    return (await this.toResponses(layout, [booking]))[0];
  }

  async getBooking(venueCode: string, id: string): Promise<BookingResponse> {
    const layout = await this.layout(venueCode);
    const b = await this.venues.findBooking(layout.venue.id, id);
    if (!b) throw new DomainError(ErrorCode.NotFound, `No booking ${id} at ${venueCode}.`);
    return (await this.toResponses(layout, [b]))[0];
  }

  async listBookings(venueCode: string, q: ListBookingsQuery): Promise<BookingPageResponse> {
    const layout = await this.layout(venueCode);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const edition = q.edition ? await this.editions.require(q.edition) : undefined;
    const { items, total } = await this.venues.listBookings({
      venueId: layout.venue.id,
      spaceId: q.space ? this.space(layout, q.space).id : undefined,
      editionId: edition?.id,
      status: q.status,
      from: q.from,
      until: q.to,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: await this.toResponses(layout, items), total, page, pageSize };
  }

  /** Free windows of each space, day by day within opening hours. */
  async availability(venueCode: string, q: AvailabilityQuery): Promise<SpaceAvailabilityResponse[]> {
    const layout = await this.layout(venueCode);
    const days = this.days(q.from, q.to);
    const spaces = q.space ? [this.space(layout, q.space)] : layout.spaces;
    const { venue } = layout;
    const rangeFrom = localToInstant(days[0], venue.opensAt, venue.timezone);
    const rangeUntil = localToInstant(days[days.length - 1], venue.closesAt, venue.timezone);
    const allLeaves = [...new Set(spaces.flatMap((s) => layout.leaves.get(s.id)!))];
    const busy = await this.venues.findBusy(allLeaves, rangeFrom, rangeUntil);
    const windows = days.map((day) => ({ from: localToInstant(day, venue.opensAt, venue.timezone), until: localToInstant(day, venue.closesAt, venue.timezone) }));
    return spaces.map((s) => {
      const leaves = new Set(layout.leaves.get(s.id));
      const mine = busy.filter((b) => leaves.has(b.leafSpaceId));
      const free = windows.flatMap((window) => freeWindows(window, mine));
      return { space: s.code, free: free.map((w) => ({ from: formatLocal(w.from, venue.timezone), until: formatLocal(w.until, venue.timezone) })) };
    });
  }

  /** All spaces × the day's opening hours, each hour free, held or confirmed. */
  async dayView(venueCode: string, date: string): Promise<DayViewResponse> {
    const layout = await this.layout(venueCode);
    const { venue } = layout;
    this.days(date, date);
    const opens = Number(venue.opensAt.slice(0, 2));
    const closes = Number(venue.closesAt.slice(0, 2));
    const hours = Array.from({ length: closes - opens }, (_, i) => opens + i);
    const dayFrom = localToInstant(date, venue.opensAt, venue.timezone);
    const dayUntil = localToInstant(date, venue.closesAt, venue.timezone);
    const busy = await this.venues.findBusy([...new Set([...layout.leaves.values()].flat())], dayFrom, dayUntil);
    const cells: Interval[] = hours.map((hour) => ({
      from: localToInstant(date, `${String(hour).padStart(2, '0')}:00`, venue.timezone),
      until: localToInstant(date, `${String(hour + 1).padStart(2, '0')}:00`, venue.timezone),
    }));
    return {
      date,
      timezone: venue.timezone,
      hours,
      spaces: layout.spaces.map((s) => {
        const leaves = new Set(layout.leaves.get(s.id));
        const mine = busy.filter((b) => leaves.has(b.leafSpaceId));
        return {
          space: s.code,
          nameKo: s.nameKo,
          nameEn: s.nameEn,
          cells: hours.map((hour, i) => {
            const cell = cells[i];
            const hit = mine.filter((b) => b.from < cell.until && cell.from < b.until);
            const pick = hit.find((b) => b.status === 'confirmed') ?? hit[0];
            return pick
              ? { hour, state: pick.status === 'confirmed' ? ('confirmed' as const) : ('held' as const), bookingId: pick.bookingId, purpose: pick.purpose }
              : { hour, state: 'free' as const };
          }),
        };
      }),
    };
  }

  /** A subscribable URL for the space's calendar; the key is an HMAC, so it cannot be guessed. */
  async feedUrl(venueCode: string, spaceCode: string): Promise<string> {
    const layout = await this.layout(venueCode);
    const space = this.space(layout, spaceCode);
    return `${this.config.publicUrl}/api/venues/${layout.venue.code}/spaces/${space.code}/calendar.ics?key=${this.feedKey(space.id)}`;
  }

  /** The space's bookings as iCalendar: one stable UID per booking, SEQUENCE from the row. */
  async feed(venueCode: string, spaceCode: string, key: string): Promise<string> {
    const layout = await this.layout(venueCode);
    const space = this.space(layout, spaceCode);
    const expected = Buffer.from(this.feedKey(space.id));
    const given = Buffer.from(key);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new DomainError(ErrorCode.NotFound, 'No calendar at this address.');
    }
    const bookings = await this.venues.findForFeed(space.id, new Date(Date.now() - 90 * 86400_000));
    const now = new Date();
    return renderCalendar({
      method: 'PUBLISH',
      name: `${layout.venue.nameEn} · ${space.nameEn}`,
      timezone: DEFAULT_TIME_ZONE,
      events: bookings.map((b) => {
        const status = effectiveStatus(b, now);
        return {
          uid: `booking-${b.id}@fairgate`,
          sequence: b.sequence,
          start: b.occupiedFrom,
          end: b.occupiedUntil,
          summary: status === 'held' ? `[HOLD] ${b.purpose}` : b.purpose,
          description: `Event ${formatLocal(b.startsAt, layout.venue.timezone)} – ${formatLocal(b.endsAt, layout.venue.timezone)}; setup ${b.setupMinutes} min, teardown ${b.teardownMinutes} min.`,
          location: `${space.nameEn}, ${layout.venue.nameEn}`,
          status: status === 'confirmed' ? ('CONFIRMED' as const) : status === 'held' ? ('TENTATIVE' as const) : ('CANCELLED' as const),
        };
      }),
    });
  }

  /** Lapses one hold if it is still held and past its time; used by the job and the sweeper. */
  async expireHold(id: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const b = await this.venues.lockBooking(tx.manager, id);
      if (!b || b.status !== 'held' || b.holdExpiresAt! > new Date()) return false;
      await this.lapse(tx, b);
      return true;
    });
  }

  async sweepExpiredHolds(): Promise<number> {
    let count = 0;
    for (const id of await this.venues.findOverdueHoldIds(500)) if (await this.expireHold(id)) count++;
    return count;
  }

  private async lapse(tx: TransactionContext, b: Booking): Promise<void> {
    b.status = 'expired';
    b.sequence += 1;
    await tx.manager.save(b);
    await this.venues.releaseOccupancy(tx.manager, b.id);
    await this.notify(tx, holdExpiredMail, b, b.space!, b.createdBy);
  }

  private scheduleHoldExpiry(bookingId: string, at: Date): void {
    // Best effort: if Redis is down the sweeper lapses the hold, and every query already treats it as free.
    this.venueQueue
      .add('venue.hold-expire', { bookingId }, { ...housekeepingJobOptions, delay: Math.max(0, at.getTime() - Date.now()), jobId: `hold-expire-${bookingId}` })
      .catch((error: unknown) => this.logger.warn({ err: error, bookingId }, 'could not schedule hold expiry; the sweeper will lapse it'));
  }

  private async notify(tx: TransactionContext, template: MailTemplate<BookingMailParams>, b: Booking, space: VenueSpace, accountId: string): Promise<void> {
    const account = await tx.manager.findOneBy(Account, { id: accountId });
    if (!account) return;
    const zone = DEFAULT_TIME_ZONE;
    const params: BookingMailParams = {
      bookingId: b.id,
      spaceNameKo: space.nameKo,
      spaceNameEn: space.nameEn,
      purpose: b.purpose,
      startsAt: formatLocal(b.startsAt, zone),
      endsAt: formatLocal(b.endsAt, zone),
      occupiedFrom: formatLocal(b.occupiedFrom, zone),
      occupiedUntil: formatLocal(b.occupiedUntil, zone),
      reason: b.cancelReason,
    };
    await this.outbox.send(tx, template, { recipient: account.email, locale: account.locale, params });
  }

  private async conflictError(layout: VenueLayout, leaves: string[], occupied: Interval): Promise<DomainError> {
    const other = await this.venues.findActiveConflict(leaves, occupied);
    if (!other) return new DomainError(ErrorCode.BookingConflict, 'The space is already booked at that time.');
    const zone = layout.venue.timezone;
    return new DomainError(
      ErrorCode.BookingConflict,
      `${other.space?.code ?? 'The space'} is ${other.status === 'held' ? 'held' : 'booked'} from ${formatLocal(other.occupiedFrom, zone)} to ${formatLocal(other.occupiedUntil, zone)} (booking ${other.id}: ${other.purpose}).`,
      { conflictingBookingId: other.id, conflictingSpace: other.space?.code, conflictingStatus: other.status },
    );
  }

  private async lock(manager: EntityManager, layout: VenueLayout, id: string): Promise<Booking> {
    const b = await this.venues.lockBooking(manager, id, layout.venue.id);
    if (!b) throw new DomainError(ErrorCode.NotFound, `No booking ${id} at ${layout.venue.code}.`);
    return b;
  }

  private feedKey(spaceId: string): string {
    return createHmac('sha256', this.config.appSecret).update(`space-feed:${spaceId}`).digest('base64url').slice(0, 32);
  }

  private days(from: string, to: string): string[] {
    const valid = (d: string): boolean => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
    if (!valid(from)) throw DomainError.validation([{ field: 'from', messages: [`${from} is not a calendar date`] }]);
    if (!valid(to)) throw DomainError.validation([{ field: 'to', messages: [`${to} is not a calendar date`] }]);
    const days = datesBetween(from, to);
    if (days.length === 0) throw DomainError.validation([{ field: 'to', messages: ['to must not be before from'] }]);
    if (days.length > MAX_AVAILABILITY_DAYS) throw DomainError.validation([{ field: 'to', messages: [`at most ${MAX_AVAILABILITY_DAYS} days at a time`] }]);
    return days;
  }

  private space(layout: VenueLayout, code: string): VenueSpace {
    const s = layout.byCode.get(code);
    if (!s) throw new DomainError(ErrorCode.NotFound, `No space "${code}" at ${layout.venue.code}; see GET /api/venues/${layout.venue.code}/spaces.`);
    return s;
  }

  /**
   * The venue and its spaces change only through the seed (no API edits them yet), so each
   * process keeps them for a minute instead of reading them on every request.
   */
  private async layout(venueCode: string): Promise<VenueLayout> {
    return this.layouts.getOrLoad(venueCode, () => this.loadLayout(venueCode));
  }

  private async loadLayout(venueCode: string): Promise<VenueLayout> {
    const venue = await this.venues.findVenueByCode(venueCode);
    if (!venue) throw new DomainError(ErrorCode.NotFound, `No venue "${venueCode}".`);
    const [spaces, parts] = await Promise.all([this.venues.findSpaces(venue.id), this.venues.findParts(venue.id)]);
    const leaves = new Map<string, string[]>();
    for (const s of spaces) leaves.set(s.id, parts.get(s.id) ?? [s.id]);
    return { venue, spaces, parts, leaves, byCode: new Map(spaces.map((s) => [s.code, s])), byId: new Map(spaces.map((s) => [s.id, s])) };
  }

  /** Answers for bookings: the edition codes come from the EditionLookup port, by edition_id. */
  private async toResponses(layout: VenueLayout, bookings: Booking[]): Promise<BookingResponse[]> {
    const ids = [...new Set(bookings.map((b) => b.editionId).filter((id): id is string => id !== null && id !== undefined))];
    const codes = ids.length === 0 ? new Map<string, string>() : await this.editions.codes(ids);
    return bookings.map((b) => this.toResponse(layout, b, b.editionId ? (codes.get(b.editionId) ?? null) : null));
  }

  private toResponse(layout: VenueLayout, b: Booking, editionCode: string | null): BookingResponse {
    const zone = layout.venue.timezone;
    return {
      id: b.id,
      space: layout.byId.get(b.spaceId)?.code ?? '',
      edition: editionCode,
      purpose: b.purpose,
      startsAt: formatLocal(b.startsAt, zone),
      endsAt: formatLocal(b.endsAt, zone),
      setupMinutes: b.setupMinutes,
      teardownMinutes: b.teardownMinutes,
      occupiedFrom: formatLocal(b.occupiedFrom, zone),
      occupiedUntil: formatLocal(b.occupiedUntil, zone),
      status: effectiveStatus(b, new Date()),
      holdExpiresAt: b.holdExpiresAt ? formatLocal(b.holdExpiresAt, zone) : null,
      sequence: b.sequence,
      createdAt: formatLocal(b.createdAt, zone),
    };
  }
}

/**
 * A booking that could not get its locks in time, or lost to deadlocks and serialization failures
 * more often than the runner retries, or waited too long for a place among the writers: the space
 * is busy, not the request wrong, so 503 with Retry-After (a client may simply try again).
 */
function asBusyError(error: unknown, spaceCode: string): unknown {
  const code = pgCode(error);
  const busy =
    error instanceof BulkheadTimeoutError || code === PgError.LockNotAvailable || code === PgError.DeadlockDetected || code === PgError.SerializationFailure;
  if (!busy) return error;
  return new DomainError(ErrorCode.ServiceUnavailable, `${spaceCode} is being booked by many at once; try again in a moment.`, {
    retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
  });
}

/** A hold past its expiry reads as expired even before its job has run. */
export function effectiveStatus(b: Pick<Booking, 'status' | 'holdExpiresAt'>, now: Date): BookingStatus {
  return b.status === 'held' && b.holdExpiresAt !== null && b.holdExpiresAt <= now ? 'expired' : b.status;
}

function toVenueResponse(v: Venue): VenueResponse {
  return {
    code: v.code, nameKo: v.nameKo, nameEn: v.nameEn, addressKo: v.addressKo, addressEn: v.addressEn,
    timezone: v.timezone, opensAt: v.opensAt.slice(0, 5), closesAt: v.closesAt.slice(0, 5),
  };
}

