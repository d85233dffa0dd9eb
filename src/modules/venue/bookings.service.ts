import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail, changedFields } from '../../core/audit/audit-trail';
import type { Principal } from '../../core/auth/principal';
import { AppConfig } from '../../core/config/app-config';
import { Bulkhead, BulkheadTimeoutError } from '../../core/database/bulkhead';
import { PgError, isContention, pgCode } from '../../core/database/postgres-errors';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { formatLocal } from '../../core/time/zoned-time';
import { BookingNotifier } from './booking-notifier';
import { occupiedInterval, timeProblems, type Interval } from './domain/booking-rules';
import type { HolderKind } from './domain/space-holder';
import type { CreateBookingDto, ListBookingsQuery } from './dto/booking.dto';
import type { BookingPageResponse, BookingResponse } from './dto/venue.response';
import type { Booking, BookingStatus } from './entities/booking.entity';
import { HoldExpiryService } from './hold-expiry.service';
import { bookingAsConflict, holderConflictError } from './space-holdings.service';
import { bookingCancelledMail, bookingConfirmedMail } from './mail/booking-mails';
import { EditionLookup } from './ports/edition-lookup';
import { spaceOf, VenueLayouts, type VenueLayout } from './venue-layout';
import { VenueRepository } from './venue.repository';

/**
 * Booking statements/transactions one process runs at once: a third of its pool (3 of the default 10).
 * A burst of bookings of one room waits in line in the process, not on connections, so /health and
 * every other route still find a free one; a larger pool (DATABASE_POOL_SIZE) lets more holds meet
 * in PostgreSQL, where their commits share WAL flushes.
 */
export function bookingWriters(poolSize: number): number {
  return Math.max(1, Math.floor(poolSize / 3));
}
/** The longest a booking waits for a lock (another booking of the same space) before answering 503. */
const BOOKING_LOCK_TIMEOUT = '5s';
/** Retry-After of a booking refused because its space was too busy to lock in time. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/** Bookings: hold, confirm and cancel (ordered locks, the writers' bulkhead, busy → 503), and reading them back. */
@Injectable()
export class BookingsService {
  private readonly writers: Bulkhead;

  constructor(
    private readonly venues: VenueRepository,
    private readonly layouts: VenueLayouts,
    private readonly transactions: TransactionRunner,
    private readonly notifier: BookingNotifier,
    private readonly holds: HoldExpiryService,
    private readonly editions: EditionLookup,
    private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {
    this.writers = new Bulkhead('venue booking writers', bookingWriters(config.databasePoolSize), config.databasePoolWaitMs);
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
    const layout = await this.layouts.get(venueCode);
    const space = spaceOf(layout, dto.space);
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

    const auditAfter = { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), purpose: dto.purpose };
    // A hold (the hot path): one statement, no BEGIN/COMMIT, no email, no job (the sweeper lapses it).
    // What a hold and a firm booking both write.
    const booked = {
      spaceId: space.id,
      editionId: edition?.id ?? null,
      purpose: dto.purpose,
      startsAt,
      endsAt,
      setupMinutes,
      teardownMinutes,
      occupiedFrom: occupied.from,
      occupiedUntil: occupied.until,
    };
    const insertHold = async (): Promise<Booking> => {
      const holdExpiresAt = new Date(Date.now() + holdMinutes * 60000);
      const row = { ...booked, holdExpiresAt, createdBy: principal.accountId };
      const audit = this.audit.claim({
        actor: auditActor(principal), scopeId: row.editionId, action: 'booking.hold', subjectType: 'booking',
        before: null, after: { status: 'held', space: space.code, ...auditAfter },
      });
      const saved = await this.transactions.statement(() =>
        this.venues.insertHoldStatement({ ...row, lockTimeout: BOOKING_LOCK_TIMEOUT, orderedLocks: this.config.venueOrderedLocks, leafSpaceIds: leaves, audit }),
      );
      return {
        ...row, id: saved.id, createdAt: saved.createdAt, sequence: saved.sequence, status: 'held',
        holderKind: null, holderRef: null, holderLabelEn: null, holderLabelKo: null,
        confirmedAt: null, confirmedBy: null, cancelledAt: null, cancelledBy: null, cancelReason: null,
      };
    };

    const insertFirm = (): Promise<Booking> =>
      this.transactions.run(async (tx) => {
        await this.venues.setLockTimeout(tx.manager, BOOKING_LOCK_TIMEOUT);
        if (this.config.venueOrderedLocks) await this.venues.lockSpaces(tx.manager, leaves);
        const now = new Date();
        const saved = await this.venues.insertBooking(
          tx.manager,
          {
            ...booked,
            status: 'confirmed',
            holdExpiresAt: null,
            createdBy: principal.accountId,
            confirmedAt: now,
            confirmedBy: principal.accountId,
          },
          leaves,
        );
        await this.notifier.notify(tx, bookingConfirmedMail, saved, space, principal.accountId);
        await this.audit.record(tx.manager, {
          actor: auditActor(principal), scopeId: saved.editionId, action: 'booking.book', subjectType: 'booking', subjectId: saved.id,
          before: null, after: { status: saved.status, space: space.code, ...auditAfter },
        });
        return saved;
      });

    const insert = confirm ? insertFirm : insertHold;
    const booking = await this.writers.run(() => this.insertOrExplain(insert, layout, leaves, occupied)).catch((error: unknown) => {
      throw asBusyError(error, space.code);
    });
    return this.toResponse(layout, booking, edition?.code ?? null);
  }

  private async insertOrExplain(insert: () => Promise<Booking>, layout: VenueLayout, leaves: string[], occupied: Interval): Promise<Booking> {
    try {
      return await insert();
    } catch (error) {
      if (pgCode(error) !== PgError.ExclusionViolation) throw error;
      // Something holds the time. If it is only holds past their expiry that the sweeper has not
      // lapsed yet, lapse them now and try once more; otherwise it is a real conflict.
      let lapsed = 0;
      for (const id of await this.venues.findOverdueHoldsOn(leaves, occupied)) if (await this.holds.expireHold(id)) lapsed++;
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
    const layout = await this.layouts.get(venueCode);
    const booking = await this.transactions.run(async (tx) => {
      const b = await this.lock(tx.manager, layout, id);
      if (b.status === 'confirmed') {
        this.audit.nothingChanged(); // confirming twice changes nothing
        return b;
      }
      if (b.status === 'held' && b.holdExpiresAt! <= new Date()) {
        await this.holds.lapse(tx, b);
        return b;
      }
      if (b.status !== 'held') return b;
      const before = { status: b.status, holdExpiresAt: b.holdExpiresAt?.toISOString() ?? null };
      b.status = 'confirmed';
      b.confirmedAt = new Date();
      b.confirmedBy = principal.accountId;
      b.holdExpiresAt = null;
      b.sequence += 1;
      await tx.manager.save(b);
      await this.notifier.notify(tx, bookingConfirmedMail, b, layout.byId.get(b.spaceId)!, principal.accountId);
      await this.audit.record(tx.manager, {
        actor: auditActor(principal), scopeId: b.editionId, action: 'booking.confirm', subjectType: 'booking', subjectId: b.id,
        ...changedFields(before, { status: b.status, holdExpiresAt: null }),
      });
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
    const layout = await this.layouts.get(venueCode);
    const booking = await this.transactions.run(async (tx) => {
      const b = await this.lock(tx.manager, layout, id);
      if (b.status === 'cancelled' || b.status === 'expired') {
        this.audit.nothingChanged();
        return b;
      }
      if (b.holderLabelEn) {
        // The thing that holds the space frees it when it is cancelled or moved, not the other way round.
        throw new DomainError(ErrorCode.IllegalTransition, `Booking ${id} is held by ${b.holderLabelEn}; cancel or move that instead, and its booking follows.`, {
          holder: { kind: b.holderKind, labelEn: b.holderLabelEn, labelKo: b.holderLabelKo },
        });
      }
      const before = { status: b.status, cancelReason: b.cancelReason };
      b.status = 'cancelled';
      b.cancelledAt = new Date();
      b.cancelledBy = principal.accountId;
      b.cancelReason = reason ?? null;
      b.sequence += 1;
      await tx.manager.save(b);
      await this.venues.releaseOccupancy(tx.manager, b.id);
      await this.notifier.notify(tx, bookingCancelledMail, b, layout.byId.get(b.spaceId)!, principal.accountId);
      await this.audit.record(tx.manager, {
        actor: auditActor(principal), scopeId: b.editionId, action: 'booking.cancel', subjectType: 'booking', subjectId: b.id,
        ...changedFields(before, { status: b.status, cancelReason: b.cancelReason }),
      });
      return b;
    });
    if (booking.status === 'expired') {
      throw new DomainError(ErrorCode.IllegalTransition, `Booking ${id} expired before it was confirmed; there is nothing to cancel.`, { bookingStatus: 'expired' });
    }
    return (await this.toResponses(layout, [booking]))[0];
  }

  async getBooking(venueCode: string, id: string): Promise<BookingResponse> {
    const layout = await this.layouts.get(venueCode);
    const b = await this.venues.findBooking(layout.venue.id, id);
    if (!b) throw new DomainError(ErrorCode.NotFound, `No booking ${id} at ${venueCode}.`);
    return (await this.toResponses(layout, [b]))[0];
  }

  async listBookings(venueCode: string, q: ListBookingsQuery): Promise<BookingPageResponse> {
    const layout = await this.layouts.get(venueCode);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const edition = q.edition ? await this.editions.require(q.edition) : undefined;
    const { items, total } = await this.venues.listBookings({
      venueId: layout.venue.id,
      spaceId: q.space ? spaceOf(layout, q.space).id : undefined,
      editionId: edition?.id,
      status: q.status,
      from: q.from,
      until: q.to,
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: await this.toResponses(layout, items), total, page, pageSize };
  }

  private async conflictError(layout: VenueLayout, leaves: string[], occupied: Interval): Promise<DomainError> {
    const other = await this.venues.findActiveConflict(leaves, occupied);
    if (!other) return new DomainError(ErrorCode.BookingConflict, 'The space is already booked at that time.');
    const zone = layout.venue.timezone;
    if (other.holderLabelEn) return holderConflictError(bookingAsConflict(other), zone);
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
      holder: b.holderKind && b.holderLabelEn && b.holderLabelKo ? { kind: b.holderKind as HolderKind, labelEn: b.holderLabelEn, labelKo: b.holderLabelKo } : null,
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
  if (!(error instanceof BulkheadTimeoutError) && !isContention(error)) return error;
  return new DomainError(ErrorCode.ServiceUnavailable, `${spaceCode} is being booked by many at once; try again in a moment.`, {
    retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
  });
}

/** A hold past its expiry reads as expired even before its job has run. */
export function effectiveStatus(b: Pick<Booking, 'status' | 'holdExpiresAt'>, now: Date): BookingStatus {
  return b.status === 'held' && b.holdExpiresAt !== null && b.holdExpiresAt <= now ? 'expired' : b.status;
}

/** The audit log's actor for a principal. */
function auditActor(principal: Principal): { accountId: string; email: string } {
  return { accountId: principal.accountId, email: principal.email };
}
