import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../core/config/app-config';
import { PgError, pgCode } from '../../core/database/postgres-errors';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { localToInstant } from '../../core/time/zoned-time';
import { MAX_SETUP_MINUTES, occupiedInterval } from './domain/booking-rules';
import { conflictSentence, type HolderKind, type HoldingConflict, type SpaceHolder } from './domain/space-holder';
import type { Booking } from './entities/booking.entity';
import { SpaceHoldingsRepository, type HoldableSpace } from './space-holdings.repository';
import { VenueRepository } from './venue.repository';

/** How long a holding waits for another booking of the same space before answering 503. */
const HOLDING_LOCK_TIMEOUT = '5s';

/** A space and a time the floor above occupies with something of its own. */
export interface Holding {
  holder: SpaceHolder;
  spaceId: string;
  editionId: string | null;
  /** What the booking is for, as the venue's lists show it (the holder's English label by default). */
  purpose?: string;
  startsAt: Date;
  endsAt: Date;
  setupMinutes?: number;
  teardownMinutes?: number;
  /** The organizer who placed it; null for the system (seed). */
  by: string | null;
}

/** A holding of whole days: the first to the last day within the venue's hours, plus days before and after. */
export interface DaysHolding extends Omit<Holding, 'startsAt' | 'endsAt' | 'setupMinutes' | 'teardownMinutes'> {
  firstDay: string;
  lastDay: string;
  daysBefore: number;
  daysAfter: number;
}

/**
 * The one way the floors above occupy a space: an edition's halls, a conference session's room,
 * an export-meeting area each hold a confirmed venue booking under the same exclusion constraint
 * as every other booking, written in the CALLER's transaction (`tx.manager`), so the thing and its
 * booking commit or fail together. A conflict is a 409 naming what holds the space; the venue
 * knows the holder only by the kind, key and labels the caller gives (it imports nothing above it).
 */
@Injectable()
export class SpaceHoldingsService {
  constructor(
    private readonly holdings: SpaceHoldingsRepository,
    private readonly venues: VenueRepository,
    private readonly config: AppConfig,
  ) {}

  /** The space with this id (its booth capacity, its atomic parts), or null. */
  space(manager: EntityManager, spaceId: string): Promise<HoldableSpace | null> {
    return this.holdings.findSpace(manager, spaceId);
  }

  /**
   * Books the space for the holder, or moves the booking the holder already has (space, times,
   * labels) in place. The old occupancy goes first and the new one is checked against everything
   * else, so a failed move rolls back with the caller's transaction and leaves the old booking as it was.
   */
  async hold(manager: EntityManager, h: Holding): Promise<void> {
    if (!this.config.venueSpaceHoldings) return; // the race test's negative control only
    const space = await this.requireSpace(manager, h.spaceId);
    const setupMinutes = h.setupMinutes ?? 0;
    const teardownMinutes = h.teardownMinutes ?? 0;
    const during = occupiedInterval(h.startsAt, h.endsAt, setupMinutes, teardownMinutes);
    await this.venues.setLockTimeout(manager, HOLDING_LOCK_TIMEOUT);
    const existing = await this.holdings.lockActiveByRef(manager, h.holder.ref);
    const leaves = existing && existing.spaceId !== space.id ? [...space.leaves, ...(await this.requireSpace(manager, existing.spaceId)).leaves] : space.leaves;
    if (this.config.venueOrderedLocks) await this.venues.lockSpaces(manager, leaves);
    const conflict = await this.holdings.findConflict(manager, space.leaves, during, existing?.id ?? null);
    if (conflict) throw this.conflictError(conflict, space.timezone);
    const row = {
      spaceId: space.id,
      purpose: h.purpose ?? h.holder.labelEn,
      startsAt: h.startsAt,
      endsAt: h.endsAt,
      setupMinutes,
      teardownMinutes,
      occupiedFrom: during.from,
      occupiedUntil: during.until,
      holderLabelEn: h.holder.labelEn,
      holderLabelKo: h.holder.labelKo,
    };
    try {
      let id: string;
      if (existing) {
        id = existing.id;
        await this.holdings.vacate(manager, id);
        await this.holdings.moveHolding(manager, id, row);
      } else {
        id = await this.holdings.insertHolding(manager, { ...row, editionId: h.editionId, holderKind: h.holder.kind, holderRef: h.holder.ref, by: h.by });
      }
      await this.holdings.occupy(manager, id, space.leaves, during);
    } catch (error) {
      // Only without the ordered locks can another writer slip in between the check and the
      // insert; the constraint refuses it, the caller's transaction is lost: name the winner.
      if (pgCode(error) !== PgError.ExclusionViolation) throw error;
      const winner = await this.holdings.findConflict(undefined, space.leaves, during, existing?.id ?? null);
      throw winner ? this.conflictError(winner, space.timezone) : new DomainError(ErrorCode.BookingConflict, `${space.code} is already booked at that time.`);
    }
  }

  /** Holds whole days: from the first day's opening (less daysBefore) to the last day's closing (plus daysAfter). */
  async holdDays(manager: EntityManager, h: DaysHolding): Promise<void> {
    if (!this.config.venueSpaceHoldings) return;
    const space = await this.requireSpace(manager, h.spaceId);
    const setupMinutes = h.daysBefore * 24 * 60;
    const teardownMinutes = h.daysAfter * 24 * 60;
    if (setupMinutes > MAX_SETUP_MINUTES || teardownMinutes > MAX_SETUP_MINUTES) {
      throw DomainError.validation([{ field: 'buildUpDays', messages: ['build-up and tear-down take at most 7 days each'] }]);
    }
    await this.hold(manager, {
      ...h,
      startsAt: localToInstant(h.firstDay, space.opensAt, space.timezone),
      endsAt: localToInstant(h.lastDay, space.closesAt, space.timezone),
      setupMinutes,
      teardownMinutes,
    });
  }

  /** Moves every holding of this kind the edition has (its halls when its days change) to new days. */
  async moveEditionDays(manager: EntityManager, editionId: string, kind: HolderKind, days: Omit<DaysHolding, 'holder' | 'spaceId' | 'editionId' | 'by'>): Promise<void> {
    for (const held of await this.holdings.lockActiveOfEdition(manager, editionId, kind)) {
      await this.holdDays(manager, {
        ...days,
        holder: { kind, ref: held.holderRef, labelEn: held.holderLabelEn, labelKo: held.holderLabelKo },
        spaceId: held.spaceId,
        editionId,
        purpose: held.purpose,
        by: null,
      });
    }
  }

  /** Frees the space the holder holds (the thing was cancelled or left the space), in the caller's transaction. */
  async release(manager: EntityManager, holderRef: string, by: string | null, reason: string): Promise<void> {
    const existing = await this.holdings.lockActiveByRef(manager, holderRef);
    if (!existing) return;
    await this.holdings.cancelHolding(manager, existing.id, by, reason);
    await this.holdings.vacate(manager, existing.id);
  }

  private async requireSpace(manager: EntityManager, spaceId: string): Promise<HoldableSpace> {
    const space = await this.holdings.findSpace(manager, spaceId);
    if (!space) throw new DomainError(ErrorCode.NotFound, `No venue space ${spaceId}.`);
    return space;
  }

  private conflictError(c: HoldingConflict, zone: string): DomainError {
    return holderConflictError(c, zone);
  }
}



/**
 * The holdings outside Nest, for the seeders (start-up and the test template), which run on a
 * bare EntityManager: same rules, ordered locks on, never the negative control.
 */
export function seedSpaceHoldings(manager: EntityManager): SpaceHoldingsService {
  const config = { venueSpaceHoldings: true, venueOrderedLocks: true } as AppConfig;
  return new SpaceHoldingsService(new SpaceHoldingsRepository(manager.connection), new VenueRepository(manager.connection), config);
}

/** The 409 of a conflict with a holding: the API's sentence; the holder and the page sentences (ko, en) in the details. */
export function holderConflictError(c: HoldingConflict, zone: string): DomainError {
  return new DomainError(ErrorCode.BookingConflict, conflictSentence(c, zone, 'api'), {
    conflictingBookingId: c.bookingId,
    conflictingSpace: c.spaceCode,
    conflictingStatus: c.status,
    holder: c.holderKind ? { kind: c.holderKind, labelEn: c.holderLabelEn, labelKo: c.holderLabelKo } : null,
    messageKo: conflictSentence(c, zone, 'ko'),
    messageEn: conflictSentence(c, zone, 'en'),
  });
}

/** A booking read with its space, as a conflict names it. */
export function bookingAsConflict(b: Booking): HoldingConflict {
  return {
    bookingId: b.id, status: b.status, spaceCode: b.space?.code ?? '', spaceNameKo: b.space?.nameKo ?? '', spaceNameEn: b.space?.nameEn ?? '',
    occupiedFrom: b.occupiedFrom, occupiedUntil: b.occupiedUntil, purpose: b.purpose,
    holderKind: b.holderKind, holderLabelEn: b.holderLabelEn, holderLabelKo: b.holderLabelKo,
  };
}
