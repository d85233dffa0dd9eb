import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApprovedExhibitorRow } from '../exhibitors/exhibitors-directory';
import { Attendee } from './entities/attendee.entity';
import { AttendeeSessionPick, type PickStatus } from './entities/attendee-session-pick.entity';

/** An approved exhibitor as visitors see it: the exhibitors area's read model (ExhibitorsDirectory). */
export type ExhibitorRow = ApprovedExhibitorRow;

/** Seats of one session: confirmed picks and the queue's length. */
export interface SessionSeatCount {
  sessionId: string;
  /** Confirmed seats. */
  taken: number;
  waitlisted: number;
}

export interface LeadRow {
  id: string;
  editionId: string;
  badgeCode: string;
  note: string;
  scannedAt: Date;
  updatedAt: Date;
  consentShareContact: boolean;
  name: string;
  email: string;
  company: string | null;
  country: string;
  kind: string;
}

/** What the organizers' list filters by: part of name, email or company; the kind; one day. */
export interface AttendeeFilter {
  q?: string;
  kind?: string;
  day?: string;
}

/** One attendee as the organizers' list shows it. */
export interface AttendeeListRow {
  id: string;
  name: string;
  email: string;
  company: string | null;
  country: string;
  kind: string;
  days: string[];
  locale: string;
  consentMessages: boolean;
  consentShareContact: boolean;
  badgeCode: string;
  confirmedAt: Date | null;
  createdAt: Date;
}

/** days comes back as a date[]: written as YYYY-MM-DD. */
function withDays(row: AttendeeListRow): AttendeeListRow {
  return { ...row, days: (row.days as unknown[]).map((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10))) };
}

/**
 * Every query of the attendees area. Methods that take part in a transaction take its manager;
 * reads outside one use the data source's. Each is scoped by the edition, attendee or company it
 * names, so one caller cannot reach another's rows by forgetting a filter.
 */
@Injectable()
export class AttendeesRepository {
  constructor(private readonly dataSource: DataSource) {}

  // ------------------------------------------------------------ registrations

  /**
   * Inserts with the id chosen by the caller (the link token is derived from it); undefined when a
   * unique key (the email or the badge code of the edition) is taken — ON CONFLICT DO NOTHING, so the
   * transaction goes on and can answer an existing address like a new one.
   */
  async insertAttendeeUnlessTaken(
    manager: EntityManager, values: Omit<Attendee, 'createdAt' | 'updatedAt' | 'edition' | 'confirmedAt' | 'itineraryDirtySince' | 'itineraryDirtyVersion' | 'itineraryBatchId'>,
  ): Promise<Attendee | undefined> {
    const attendee = manager.create(Attendee, { ...values, confirmedAt: null });
    const result = await manager.createQueryBuilder().insert().into(Attendee).values(attendee).orIgnore().returning(['id']).execute();
    return (result.raw as unknown[]).length > 0 ? attendee : undefined;
  }

  /**
   * Claims the right to mail this address's link again: at most once per `minutes` (concurrent
   * claims: one wins). Answers the attendee when claimed, undefined when it was mailed too recently
   * or is not registered.
   */
  async claimLinkResend(manager: EntityManager, editionId: string, email: string, minutes: number): Promise<Attendee | undefined> {
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE attendees SET link_sent_at = now()
        WHERE edition_id = $1 AND email = $2 AND link_sent_at <= now() - make_interval(mins => $3)
        RETURNING id`,
      [editionId, email, minutes],
    );
    if (rows.length === 0) return undefined;
    return (await manager.getRepository(Attendee).findOneBy({ id: rows[0].id })) ?? undefined;
  }

  findAttendeeByEmail(manager: EntityManager, editionId: string, email: string): Promise<Attendee | null> {
    return manager.getRepository(Attendee).findOneBy({ editionId, email });
  }

  findAttendeeByTokenHash(tokenHash: string): Promise<Attendee | null> {
    return this.dataSource.getRepository(Attendee).findOneBy({ accessTokenHash: tokenHash });
  }

  findAttendeeByBadgeCode(editionId: string, badgeCode: string): Promise<Attendee | null> {
    return this.dataSource.getRepository(Attendee).findOneBy({ editionId, badgeCode });
  }

  /** A new private link replaces the old one (only one hash is kept). */
  async replaceAccessToken(manager: EntityManager, attendeeId: string, tokenHash: string): Promise<void> {
    await manager.getRepository(Attendee).update(attendeeId, { accessTokenHash: tokenHash, linkSentAt: new Date() });
  }

  /** Sets confirmed_at the first time only; answers the stored value. */
  async markEmailConfirmed(attendeeId: string): Promise<Date> {
    const [rows] = await this.dataSource.query<[Array<{ confirmed_at: Date }>, number]>(
      `UPDATE attendees SET confirmed_at = COALESCE(confirmed_at, now()), updated_at = now() WHERE id = $1 RETURNING confirmed_at`,
      [attendeeId],
    );
    return rows[0].confirmed_at;
  }

  // ------------------------------------------------------------ the organizers' console

  /** Registrations per edition id. */
  async countsByEdition(): Promise<Map<string, number>> {
    const rows: Array<{ edition_id: string; n: number }> = await this.dataSource.query(`SELECT edition_id, count(*)::int AS n FROM attendees GROUP BY edition_id`);
    return new Map(rows.map((r) => [r.edition_id, r.n]));
  }

  private filterSql(editionId: string, filter: AttendeeFilter): { where: string; params: unknown[] } {
    const params: unknown[] = [editionId];
    const parts = ['edition_id = $1'];
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      parts.push(`(name ILIKE $${params.length} OR email ILIKE $${params.length} OR company ILIKE $${params.length})`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      parts.push(`kind = $${params.length}`);
    }
    if (filter.day) {
      params.push(filter.day);
      parts.push(`$${params.length}::text = ANY (days::text[])`);
    }
    return { where: parts.join(' AND '), params };
  }

  private static readonly LIST_COLUMNS = `id, name, email, company, country, kind, days, locale, consent_messages AS "consentMessages",
    consent_share_contact AS "consentShareContact", badge_code AS "badgeCode", confirmed_at AS "confirmedAt", created_at AS "createdAt"`;

  /** A page of the edition's attendees matching the filter, newest first, and how many match in all. */
  async searchAttendees(editionId: string, filter: AttendeeFilter, limit: number, offset: number): Promise<{ rows: AttendeeListRow[]; total: number }> {
    const { where, params } = this.filterSql(editionId, filter);
    const [rows, count] = await Promise.all([
      this.dataSource.query<AttendeeListRow[]>(
        `SELECT ${AttendeesRepository.LIST_COLUMNS} FROM attendees WHERE ${where} ORDER BY created_at DESC, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      ),
      this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM attendees WHERE ${where}`, params),
    ]);
    return { rows: rows.map(withDays), total: count[0].n };
  }

  /** Registrations per day and kind of the edition (a visitor counts once on each day they come). */
  dayKindCounts(editionId: string): Promise<Array<{ day: string; kind: string; n: number }>> {
    return this.dataSource.query(
      `SELECT d::text AS day, kind, count(*)::int AS n FROM attendees, unnest(days) AS d WHERE edition_id = $1 GROUP BY d, kind ORDER BY d, kind`,
      [editionId],
    );
  }

  async attendeeOfEdition(editionId: string, attendeeId: string): Promise<Attendee | null> {
    return this.dataSource.getRepository(Attendee).findOneBy({ editionId, id: attendeeId });
  }

  // ------------------------------------------------------------ sessions and picks

  /** Confirmed and waitlisted picks of each of the sessions (sessions nobody picked are left out). */
  seatCounts(sessionIds: string[]): Promise<SessionSeatCount[]> {
    return this.dataSource.query(
      `SELECT session_id AS "sessionId", (count(*) FILTER (WHERE status = 'confirmed'))::int AS taken,
              (count(*) FILTER (WHERE status = 'waitlisted'))::int AS waitlisted
         FROM attendee_session_picks WHERE session_id = ANY ($1::uuid[]) GROUP BY session_id`,
      [sessionIds],
    );
  }

  /**
   * Locks the session's seat counter (creating it on the first pick) and answers it. Every pick
   * and unpick of the session holds this lock until commit, so they run one at a time. The
   * capacity follows the session's (`capacity`, read by the caller from the programme in the same
   * transaction), but never below the seats already given.
   */
  async lockSessionSeats(manager: EntityManager, sessionId: string, capacity: number): Promise<{ capacity: number; taken: number }> {
    const rows: Array<{ capacity: number; taken: number }> = await manager.query(
      `INSERT INTO conference_session_seats (session_id, capacity, taken) VALUES ($1, $2, 0)
       ON CONFLICT (session_id) DO UPDATE SET capacity = GREATEST(EXCLUDED.capacity, conference_session_seats.taken)
       RETURNING capacity, taken`,
      [sessionId, capacity],
    );
    return rows[0];
  }

  /** Takes `count` seats; false (nothing taken) when that would pass the capacity. The CHECK backs this up. */
  async takeSeats(manager: EntityManager, sessionId: string, count: number): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE conference_session_seats SET taken = taken + $2 WHERE session_id = $1 AND taken + $2 <= capacity RETURNING 1`,
      [sessionId, count],
    );
    return rows.length === 1;
  }

  async releaseSeat(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE conference_session_seats SET taken = taken - 1 WHERE session_id = $1`, [sessionId]);
  }

  findPick(manager: EntityManager, attendeeId: string, sessionId: string): Promise<AttendeeSessionPick | null> {
    return manager.getRepository(AttendeeSessionPick).findOneBy({ attendeeId, sessionId });
  }

  /** A seat or a place at the end of the queue; clock_timestamp() (not now()) orders picks by lock order. */
  async insertPick(manager: EntityManager, attendeeId: string, sessionId: string, status: PickStatus): Promise<AttendeeSessionPick> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO attendee_session_picks (attendee_id, session_id, status, waitlisted_at, confirmed_at)
       VALUES ($1, $2, $3, CASE WHEN $3 = 'waitlisted' THEN clock_timestamp() END, CASE WHEN $3 = 'confirmed' THEN clock_timestamp() END)
       RETURNING id`,
      [attendeeId, sessionId, status],
    );
    return manager.getRepository(AttendeeSessionPick).findOneByOrFail({ id: rows[0].id });
  }

  async deletePick(manager: EntityManager, pickId: string): Promise<void> {
    await manager.getRepository(AttendeeSessionPick).delete(pickId);
  }

  /** Seats the first `count` of the queue, in queue order; answers them. */
  async promoteFromWaitlist(manager: EntityManager, sessionId: string, count: number): Promise<Array<{ id: string; attendeeId: string }>> {
    if (count <= 0) return [];
    const [rows] = await manager.query<[Array<{ id: string; attendee_id: string }>, number]>(
      `UPDATE attendee_session_picks SET status = 'confirmed', confirmed_at = clock_timestamp()
        WHERE id IN (SELECT id FROM attendee_session_picks WHERE session_id = $1 AND status = 'waitlisted'
                      ORDER BY waitlisted_at, id LIMIT $2 FOR UPDATE)
        RETURNING id, attendee_id`,
      [sessionId, count],
    );
    return rows.map((r) => ({ id: r.id, attendeeId: r.attendee_id }));
  }

  /** The attendee's picks, with their place in the queue for the waitlisted ones (1 = next). */
  picksOfAttendee(attendeeId: string): Promise<Array<{ sessionId: string; status: PickStatus; pickedAt: Date; confirmedAt: Date | null; waitlistedAt: Date | null; queuePosition: number | null }>> {
    return this.dataSource.query(
      `SELECT p.session_id AS "sessionId", p.status, p.picked_at AS "pickedAt", p.confirmed_at AS "confirmedAt", p.waitlisted_at AS "waitlistedAt",
              CASE WHEN p.status = 'waitlisted' THEN (
                SELECT count(*)::int FROM attendee_session_picks q
                 WHERE q.session_id = p.session_id AND q.status = 'waitlisted' AND (q.waitlisted_at, q.id) <= (p.waitlisted_at, p.id)) END AS "queuePosition"
         FROM attendee_session_picks p WHERE p.attendee_id = $1`,
      [attendeeId],
    );
  }

  // ------------------------------------------------------------ exhibitors and bookmarks

  async addBookmark(attendeeId: string, applicationId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO attendee_bookmarks (attendee_id, application_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [attendeeId, applicationId],
    );
  }

  async removeBookmark(attendeeId: string, applicationId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM attendee_bookmarks WHERE attendee_id = $1 AND application_id = $2`, [attendeeId, applicationId]);
  }

  async bookmarkedApplicationIds(attendeeId: string): Promise<string[]> {
    const rows: Array<{ application_id: string }> = await this.dataSource.query(
      `SELECT application_id FROM attendee_bookmarks WHERE attendee_id = $1 ORDER BY created_at`,
      [attendeeId],
    );
    return rows.map((r) => r.application_id);
  }

  // ------------------------------------------------------------ leads

  /** One lead per company and attendee: a second scan replaces the note. */
  async recordLead(values: { companyId: string; editionId: string; attendeeId: string; note: string; accountId: string }): Promise<{ id: string; created: boolean }> {
    const rows: Array<{ id: string; created: boolean }> = await this.dataSource.query(
      `INSERT INTO attendee_leads (company_id, edition_id, attendee_id, note, scanned_by_account_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (company_id, attendee_id) DO UPDATE SET note = EXCLUDED.note, updated_at = now()
       RETURNING id, (xmax = 0) AS created`,
      [values.companyId, values.editionId, values.attendeeId, values.note, values.accountId],
    );
    return rows[0];
  }

  private leadsQuery(where: string): string {
    return `SELECT l.id, l.edition_id AS "editionId", t.badge_code AS "badgeCode", l.note, l.scanned_at AS "scannedAt", l.updated_at AS "updatedAt",
                   t.consent_share_contact AS "consentShareContact", t.name, t.email, t.company, t.country, t.kind
              FROM attendee_leads l JOIN attendees t ON t.id = l.attendee_id WHERE ${where}`;
  }

  leadsOfCompany(companyId: string, editionId: string): Promise<LeadRow[]> {
    return this.dataSource.query(`${this.leadsQuery('l.company_id = $1 AND l.edition_id = $2')} ORDER BY l.scanned_at, l.id`, [companyId, editionId]);
  }

  async leadOfCompany(companyId: string, leadId: string): Promise<LeadRow | undefined> {
    const rows: LeadRow[] = await this.dataSource.query(this.leadsQuery('l.company_id = $1 AND l.id = $2'), [companyId, leadId]);
    return rows[0];
  }

  async deleteLeadOfCompany(companyId: string, leadId: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(`DELETE FROM attendee_leads WHERE company_id = $1 AND id = $2`, [companyId, leadId]);
    return count === 1;
  }
}
