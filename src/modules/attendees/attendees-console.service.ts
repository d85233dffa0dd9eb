import { Injectable } from '@nestjs/common';
import { csvCell } from '../../core/csv/csv-cell';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { OutboxReader, type OutboxMessageSummary } from '../../core/outbox/outbox-reader';
import { ExhibitorsDirectory, type ApprovedExhibitorRow } from '../exhibitors/exhibitors-directory';
import { editionName } from '../fairs/domain/edition-name';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { FairsService } from '../fairs/fairs.service';
import { ProgrammeDirectory } from '../fairs/programme-directory';
import { AttendeesRepository, type AttendeeFilter, type AttendeeListRow } from './attendees.repository';
import { editionDays } from './domain/edition-days';
import type { ItineraryItem } from './domain/itinerary';
import type { PickStatus } from './entities/attendee-session-pick.entity';
import { ItineraryService } from './itinerary.service';

export const CONSOLE_PAGE_SIZE = 50;
/** A CSV export holds at most this many rows (the filters narrow it further). */
const CSV_MAX_ROWS = 100_000;

export interface ConsoleEdition {
  code: string;
  nameKo: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  status: string;
  days: string[];
}

export interface ConsoleEditionRow extends ConsoleEdition {
  attendees: number;
}

export interface AttendeeListPage {
  edition: ConsoleEdition;
  filter: AttendeeFilter;
  rows: AttendeeListRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Array<{ day: string; kind: string; n: number }>;
}

export interface AttendeeDetail {
  edition: ConsoleEdition;
  attendee: AttendeeListRow;
  picks: Array<{ titleKo: string; titleEn: string; roomKo: string; roomEn: string; startsAt: Date; endsAt: Date; status: PickStatus; queuePosition: number | null }>;
  bookmarks: ApprovedExhibitorRow[];
  itinerary: ItineraryItem[];
  emails: OutboxMessageSummary[];
}

function consoleEdition(e: FairEdition): ConsoleEdition {
  return {
    code: e.code, nameKo: editionName(e, 'ko'), nameEn: editionName(e, 'en'), startsOn: e.startsOn, endsOn: e.endsOn, status: e.status,
    days: editionDays(e.startsOn, e.endsOn),
  };
}

/**
 * The organizers' view of visitors: editions with their registrations, an edition's list (search,
 * filters, pages, counts per day and kind, CSV), and one attendee with everything about them:
 * registration, picks, bookmarks, itinerary and the emails the outbox holds for their address.
 */
@Injectable()
export class AttendeesConsoleService {
  constructor(
    private readonly fairs: FairsService,
    private readonly attendees: AttendeesRepository,
    private readonly programme: ProgrammeDirectory,
    private readonly exhibitors: ExhibitorsDirectory,
    private readonly itineraries: ItineraryService,
    private readonly outbox: OutboxReader,
  ) {}

  async editions(): Promise<ConsoleEditionRow[]> {
    const [series, counts] = await Promise.all([this.fairs.listFairs(), this.attendees.countsByEdition()]);
    const rows: ConsoleEditionRow[] = [];
    for (const s of series) {
      for (const e of s.editions) {
        const edition = await this.fairs.getPublicEdition(e.code);
        rows.push({ ...consoleEdition(edition), attendees: counts.get(edition.id) ?? 0 });
      }
    }
    return rows.sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.code.localeCompare(b.code));
  }

  async list(code: string, filter: AttendeeFilter, page: number): Promise<AttendeeListPage> {
    const edition = await this.fairs.getEdition(code);
    const [found, counts] = await Promise.all([
      this.attendees.searchAttendees(edition.id, filter, CONSOLE_PAGE_SIZE, (page - 1) * CONSOLE_PAGE_SIZE),
      this.attendees.dayKindCounts(edition.id),
    ]);
    return { edition: consoleEdition(edition), filter, rows: found.rows, total: found.total, page, pageSize: CONSOLE_PAGE_SIZE, counts };
  }

  /** The filtered list as CSV: UTF-8 with a BOM (Excel keeps Korean), CRLF lines, formula-safe cells. */
  async csv(code: string, filter: AttendeeFilter): Promise<{ filename: string; body: string }> {
    const edition = await this.fairs.getEdition(code);
    const { rows } = await this.attendees.searchAttendees(edition.id, filter, CSV_MAX_ROWS, 0);
    const header = ['registered_at', 'name', 'email', 'company', 'country', 'kind', 'days', 'language', 'consent_messages', 'consent_share_contact', 'badge_code', 'confirmed_at'];
    const lines = rows.map((r) => [
      r.createdAt.toISOString(), r.name, r.email, r.company ?? '', r.country, r.kind, r.days.join(' '), r.locale,
      String(r.consentMessages), String(r.consentShareContact), r.badgeCode, r.confirmedAt?.toISOString() ?? '',
    ]);
    const body = `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
    return { filename: `attendees-${edition.code}.csv`, body };
  }

  async detail(code: string, attendeeId: string): Promise<AttendeeDetail> {
    const edition = await this.fairs.getEdition(code);
    const attendee = await this.attendees.attendeeOfEdition(edition.id, attendeeId);
    if (!attendee) throw new DomainError(ErrorCode.NotFound, `No attendee ${attendeeId} at ${code}.`);
    const [picks, bookmarkIds, plan, emails] = await Promise.all([
      this.attendees.picksOfAttendee(attendee.id),
      this.attendees.bookmarkedApplicationIds(attendee.id),
      this.itineraries.current(attendee),
      this.outbox.messagesTo(attendee.email),
    ]);
    const sessions = picks.length > 0 ? await this.programme.sessionsInRooms(edition.id, picks.map((p) => p.sessionId)) : [];
    const sessionOf = new Map(sessions.map((s) => [s.id, s]));
    const bookmarks = bookmarkIds.length > 0 ? await this.exhibitors.approvedExhibitors(edition.id, { applicationIds: bookmarkIds }) : [];
    return {
      edition: consoleEdition(edition),
      attendee: {
        id: attendee.id, name: attendee.name, email: attendee.email, company: attendee.company, country: attendee.country, kind: attendee.kind,
        days: attendee.days, locale: attendee.locale, consentMessages: attendee.consentMessages, consentShareContact: attendee.consentShareContact,
        badgeCode: attendee.badgeCode, confirmedAt: attendee.confirmedAt, createdAt: attendee.createdAt,
      },
      picks: picks.flatMap((p) => {
        const s = sessionOf.get(p.sessionId);
        return s ? [{ titleKo: s.titleKo, titleEn: s.titleEn, roomKo: s.roomKo, roomEn: s.roomEn, startsAt: s.startsAt, endsAt: s.endsAt, status: p.status, queuePosition: p.queuePosition }] : [];
      }).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
      bookmarks,
      itinerary: plan.items,
      emails,
    };
  }
}
