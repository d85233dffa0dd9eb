import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { editionName } from '../fairs/domain/edition-name';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { ExhibitorsDirectory } from '../exhibitors/exhibitors-directory';
import { FairsService } from '../fairs/fairs.service';
import { ProgrammeDirectory } from '../fairs/programme-directory';
import { AttendeesRepository, type ExhibitorRow } from './attendees.repository';
import { ItineraryRepository } from './itinerary.repository';
import { accessTokenHashOf } from './domain/attendee-tokens';
import type { ExhibitorsQuery, SessionChoiceResponse } from './dto/attendee.dto';
import type { Attendee, AttendeeKind } from './entities/attendee.entity';
import type { PickStatus } from './entities/attendee-session-pick.entity';

export interface AttendeeSession {
  id: string;
  titleKo: string;
  titleEn: string;
  speakers: string[];
  /** The room's space code. */
  room: string;
  /** The room's names, as people read them. */
  roomKo: string;
  roomEn: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  seatsLeft: number;
  myStatus: PickStatus | 'none';
  /** 1 = next to get a seat; null unless waitlisted. */
  queuePosition: number | null;
}

export interface AttendeeOverview {
  attendee: {
    id: string; name: string; email: string; company: string | null; country: string; kind: AttendeeKind; days: string[]; language: 'ko' | 'en';
    consentMessages: boolean; consentShareContact: boolean; confirmedAt: string | null;
  };
  edition: { code: string; nameKo: string; nameEn: string; startsOn: string; endsOn: string };
  badgeCode: string;
  sessions: AttendeeSession[];
  bookmarks: ExhibitorRow[];
}

/** Lock waits longer than this answer 503 rather than hold a connection forever. */
const LOCK_TIMEOUT = '5s';

/**
 * What a visitor does on its own, with the private link as the only key: see its registration
 * and badge, confirm its email, pick conference sessions (seat or queue), bookmark exhibitors.
 */
@Injectable()
export class AttendeeAccessService {
  constructor(
    private readonly attendees: AttendeesRepository,
    private readonly fairs: FairsService,
    private readonly programme: ProgrammeDirectory,
    private readonly exhibitorsDirectory: ExhibitorsDirectory,
    private readonly transactions: TransactionRunner,
    private readonly itineraries: ItineraryRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** The attendee a token stands for; 404 for anything else (a wrong token says nothing more). */
  async resolve(token: string): Promise<Attendee> {
    const hash = accessTokenHashOf(token);
    const attendee = hash ? await this.attendees.findAttendeeByTokenHash(hash) : null;
    if (!attendee) throw new DomainError(ErrorCode.NotFound, 'This link is not valid.');
    return attendee;
  }

  async overview(token: string): Promise<AttendeeOverview> {
    const me = await this.resolve(token);
    const edition = await this.fairs.getEditionById(me.editionId);
    const [sessions, picks, bookmarkIds] = await Promise.all([
      this.programme.sessionsOfEdition(edition.id),
      this.attendees.picksOfAttendee(me.id),
      this.attendees.bookmarkedApplicationIds(me.id),
    ]);
    const pickOf = new Map(picks.map((p) => [p.sessionId, p]));
    const [counts, bookmarks, rooms] = await Promise.all([
      sessions.length > 0 ? this.attendees.seatCounts(sessions.map((s) => s.id)) : [],
      bookmarkIds.length > 0 ? this.exhibitorsDirectory.approvedExhibitors(edition.id, { applicationIds: bookmarkIds }) : [],
      sessions.length > 0 ? this.programme.sessionsInRooms(edition.id, sessions.map((s) => s.id)) : [],
    ]);
    const roomOf = new Map(rooms.map((r) => [r.id, r]));
    const takenOf = new Map(counts.map((c) => [c.sessionId, c.taken]));
    return {
      attendee: {
        id: me.id, name: me.name, email: me.email, company: me.company, country: me.country, kind: me.kind, days: me.days, language: me.locale,
        consentMessages: me.consentMessages, consentShareContact: me.consentShareContact, confirmedAt: me.confirmedAt?.toISOString() ?? null,
      },
      edition: editionSummary(edition),
      badgeCode: me.badgeCode,
      sessions: sessions.map((s) => ({
        id: s.id, titleKo: s.titleKo, titleEn: s.titleEn, speakers: s.speakers, room: s.room,
        roomKo: roomOf.get(s.id)?.roomKo ?? s.room, roomEn: roomOf.get(s.id)?.roomEn ?? s.room,
        startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), capacity: s.capacity,
        seatsLeft: Math.max(0, s.capacity - (takenOf.get(s.id) ?? 0)),
        myStatus: pickOf.get(s.id)?.status ?? 'none',
        queuePosition: pickOf.get(s.id)?.queuePosition ?? null,
      })),
      bookmarks,
    };
  }

  /** The first POST from the link confirms the email; later ones change nothing. Never on GET (mail scanners follow links). */
  async confirm(token: string): Promise<{ confirmedAt: string }> {
    const me = await this.resolve(token);
    const confirmedAt = await this.attendees.markEmailConfirmed(me.id);
    // The first confirmation starts the itinerary (exhibition days, then whatever is chosen).
    if (!me.confirmedAt) await this.itineraries.markDirty(this.dataSource.manager, [me.id]);
    return { confirmedAt: confirmedAt.toISOString() };
  }

  /**
   * A seat if one is free, else a place at the end of the queue. Under the session's seat lock:
   * free seats (e.g. after the capacity grew) first go to the queue, then to this pick.
   * Picking again what is already picked answers its current state.
   */
  async pick(token: string, sessionId: string): Promise<SessionChoiceResponse> {
    const me = await this.resolve(token);
    await this.sessionOf(me, sessionId);
    const choice = await this.transactions.run(async ({ manager }): Promise<SessionChoiceResponse> => {
      await manager.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      const seats = await this.lockSeats(manager, me, sessionId);
      const promoted = await this.attendees.promoteFromWaitlist(manager, sessionId, seats.capacity - seats.taken);
      if (promoted.length > 0 && !(await this.attendees.takeSeats(manager, sessionId, promoted.length))) throw new Error('seat counter out of step');
      const existing = await this.attendees.findPick(manager, me.id, sessionId);
      await this.itineraries.markDirty(manager, promoted.map((p) => p.attendeeId));
      if (existing) return { sessionId, status: existing.status, queuePosition: null, promoted: promoted.map((p) => p.id) };
      const seated = await this.attendees.takeSeats(manager, sessionId, 1);
      const pick = await this.attendees.insertPick(manager, me.id, sessionId, seated ? 'confirmed' : 'waitlisted');
      if (seated) await this.itineraries.markDirty(manager, [me.id]);
      return { sessionId, status: pick.status, queuePosition: null, promoted: promoted.map((p) => p.id) };
    });
    if (choice.status !== 'waitlisted') return choice;
    const mine = (await this.attendees.picksOfAttendee(me.id)).find((p) => p.sessionId === sessionId);
    return { ...choice, status: mine?.status ?? 'none', queuePosition: mine?.queuePosition ?? null };
  }

  /** Gives the seat (or the queue place) back; a freed seat goes to the head of the queue at once. */
  async unpick(token: string, sessionId: string): Promise<SessionChoiceResponse> {
    const me = await this.resolve(token);
    await this.sessionOf(me, sessionId);
    return this.transactions.run(async ({ manager }) => {
      await manager.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
      await this.lockSeats(manager, me, sessionId);
      const existing = await this.attendees.findPick(manager, me.id, sessionId);
      if (existing) {
        await this.attendees.deletePick(manager, existing.id);
        if (existing.status === 'confirmed') await this.attendees.releaseSeat(manager, sessionId);
        if (existing.status === 'confirmed') await this.itineraries.markDirty(manager, [me.id]);
      }
      const seats = await this.lockSeats(manager, me, sessionId); // re-read under the lock we hold
      const promoted = await this.attendees.promoteFromWaitlist(manager, sessionId, seats.capacity - seats.taken);
      if (promoted.length > 0 && !(await this.attendees.takeSeats(manager, sessionId, promoted.length))) throw new Error('seat counter out of step');
      await this.itineraries.markDirty(manager, promoted.map((p) => p.attendeeId));
      return { sessionId, status: 'none', queuePosition: null, promoted: promoted.map((p) => p.id) };
    });
  }

  async exhibitors(editionCode: string, query: ExhibitorsQuery): Promise<ExhibitorRow[]> {
    const edition = await this.fairs.getPublicEdition(editionCode);
    return this.exhibitorsDirectory.approvedExhibitors(edition.id, { category: query.category, q: query.q });
  }

  async exhibitorsFor(attendee: Attendee, query: ExhibitorsQuery): Promise<ExhibitorRow[]> {
    return this.exhibitorsDirectory.approvedExhibitors(attendee.editionId, { category: query.category, q: query.q });
  }

  async bookmark(token: string, applicationId: string): Promise<{ applicationId: string; bookmarked: true }> {
    const me = await this.resolve(token);
    if (!(await this.exhibitorsDirectory.isApprovedExhibitor(me.editionId, applicationId))) {
      throw new DomainError(ErrorCode.NotFound, `No exhibitor ${applicationId} at this edition.`);
    }
    await this.attendees.addBookmark(me.id, applicationId);
    await this.itineraries.markDirty(this.dataSource.manager, [me.id]);
    return { applicationId, bookmarked: true };
  }

  async unbookmark(token: string, applicationId: string): Promise<{ applicationId: string; bookmarked: false }> {
    const me = await this.resolve(token);
    await this.attendees.removeBookmark(me.id, applicationId);
    await this.itineraries.markDirty(this.dataSource.manager, [me.id]);
    return { applicationId, bookmarked: false };
  }

  private async sessionOf(me: Attendee, sessionId: string): Promise<void> {
    if (!(await this.programme.sessionOfEdition(me.editionId, sessionId))) {
      throw new DomainError(ErrorCode.NotFound, `No conference session ${sessionId} at this edition.`);
    }
  }

  /** Locks the session's seat counter in the transaction, its capacity read from the programme in the same transaction. */
  private async lockSeats(manager: EntityManager, me: Attendee, sessionId: string): Promise<{ capacity: number; taken: number }> {
    const session = await this.programme.sessionOfEdition(me.editionId, sessionId, manager);
    if (!session) throw new DomainError(ErrorCode.NotFound, `No conference session ${sessionId} at this edition.`);
    return this.attendees.lockSessionSeats(manager, sessionId, session.capacity);
  }
}

export function editionSummary(edition: FairEdition): AttendeeOverview['edition'] {
  return {
    code: edition.code,
    nameKo: editionName(edition, 'ko'),
    nameEn: editionName(edition, 'en'),
    startsOn: edition.startsOn,
    endsOn: edition.endsOn,
  };
}
