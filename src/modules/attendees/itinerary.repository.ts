import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Attendee } from './entities/attendee.entity';
import { ItineraryItemSent } from './entities/itinerary-item.entity';

export interface PickedSessionRow {
  id: string;
  titleKo: string;
  titleEn: string;
  roomKo: string;
  roomEn: string;
  startsAt: Date;
  endsAt: Date;
}

export interface AttendeeMeetingRow {
  requestId: string;
  startsAt: Date;
  endsAt: Date;
  tableCode: string;
  counterpart: string;
}

export interface BookmarkedBoothRow {
  companyName: string;
  hallKo: string | null;
  hallEn: string | null;
  booths: string[];
  categories: string[];
}

/** What every change does to an attendee's row: restart the quiet period, count one more change. */
const MARK = 'itinerary_dirty_since = now(), itinerary_dirty_version = itinerary_dirty_version + 1';

/**
 * Every query behind itineraries and reminders; the debounce marks live on `attendees`. Every mark
 * sets `itinerary_dirty_since` (the quiet period) and bumps `itinerary_dirty_version` (what the
 * sweeper compares to know whether a change came in while it composed).
 */
@Injectable()
export class ItineraryRepository {
  /** Marks attendees' itineraries as changed; the latest change restarts the quiet period. */
  async markDirty(manager: EntityManager, attendeeIds: string[]): Promise<void> {
    if (attendeeIds.length === 0) return;
    await manager.query(`UPDATE attendees SET ${MARK} WHERE id = ANY($1) AND consent_messages`, [attendeeIds]);
  }

  async markDirtyBySession(manager: EntityManager, sessionId: string): Promise<number> {
    const [, count] = await manager.query<[unknown[], number]>(
      `UPDATE attendees SET ${MARK}
        WHERE consent_messages AND id IN (SELECT attendee_id FROM attendee_session_picks WHERE session_id = $1)`,
      [sessionId],
    );
    return count;
  }

  async markDirtyByEmails(manager: EntityManager, editionId: string, emails: string[]): Promise<void> {
    if (emails.length === 0) return;
    await manager.query(
      `UPDATE attendees SET ${MARK} WHERE edition_id = $1 AND email = ANY($2) AND consent_messages`,
      [editionId, emails],
    );
  }

  /** Starts a bulk send: every consenting attendee of the edition gets a full itinerary in this batch. */
  async markEditionForBatch(manager: EntityManager, editionId: string, batchId: string): Promise<number> {
    const [, count] = await manager.query<[unknown[], number]>(
      `UPDATE attendees SET itinerary_batch_id = $2, itinerary_dirty_since = coalesce(itinerary_dirty_since, now() - interval '1 day'),
                            itinerary_dirty_version = itinerary_dirty_version + 1
        WHERE edition_id = $1 AND consent_messages`,
      [editionId, batchId],
    );
    return count;
  }

  /** Whether a bulk itinerary send of the edition is still composing or sending. */
  async unfinishedBatchOf(manager: EntityManager, editionId: string, label: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM attendees WHERE edition_id = $1 AND itinerary_batch_id IS NOT NULL
       UNION ALL
       SELECT 1 FROM mail_batches WHERE label = $2 AND finished_at IS NULL
       LIMIT 1`,
      [editionId, label],
    );
    return rows.length > 0;
  }

  countConsenting(manager: EntityManager, editionId: string): Promise<number> {
    return manager.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM attendees WHERE edition_id = $1 AND consent_messages`, [editionId])
      .then((rows) => rows[0].n);
  }

  /**
   * Claims up to `limit` attendees whose changes have been quiet for `quietSeconds` (a bulk batch
   * needs no quiet), skipping rows another worker holds. The rows stay locked by the caller's transaction.
   */
  claimDue(manager: EntityManager, quietSeconds: number, limit: number): Promise<Attendee[]> {
    return manager.query(
      `SELECT id, edition_id AS "editionId", name, email, locale, days, kind, consent_messages AS "consentMessages",
              itinerary_dirty_since AS "itineraryDirtySince", itinerary_dirty_version AS "itineraryDirtyVersion",
              itinerary_batch_id AS "itineraryBatchId"
         FROM attendees
        WHERE itinerary_dirty_since IS NOT NULL
          AND (itinerary_batch_id IS NOT NULL OR itinerary_dirty_since <= now() - make_interval(secs => $1))
        ORDER BY itinerary_dirty_since
        LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [quietSeconds, limit],
    );
  }

  /**
   * Clears the mark the caller claimed with `claimDue`. A change that came in while composing keeps
   * its mark (its version differs): it gets its own itinerary later. Compared in SQL, as an integer:
   * the stored timestamptz has microseconds, a JavaScript Date only milliseconds, so comparing the
   * claimed timestamp kept every mark for ever and the sweeper re-claimed the same rows without end.
   */
  async clearDirty(manager: EntityManager, attendeeId: string, claimedVersion: number): Promise<void> {
    await manager.query(
      `UPDATE attendees SET itinerary_dirty_since = CASE WHEN itinerary_dirty_version = $2 THEN NULL ELSE itinerary_dirty_since END,
                            itinerary_batch_id = NULL
        WHERE id = $1`,
      [attendeeId, claimedVersion],
    );
  }

  openingHours(manager: EntityManager, editionId: string): Promise<Array<{ day: string; opensAt: string; closesAt: string }>> {
    return manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, to_char(opens_at, 'HH24:MI') AS "opensAt", to_char(closes_at, 'HH24:MI') AS "closesAt"
         FROM edition_opening_hours WHERE edition_id = $1`,
      [editionId],
    );
  }

  confirmedSessions(manager: EntityManager, attendeeId: string): Promise<PickedSessionRow[]> {
    return manager.query(
      `SELECT s.id, s.title_ko AS "titleKo", s.title_en AS "titleEn", r.name_ko AS "roomKo", r.name_en AS "roomEn",
              s.starts_at AS "startsAt", s.ends_at AS "endsAt"
         FROM attendee_session_picks p JOIN conference_sessions s ON s.id = p.session_id JOIN venue_spaces r ON r.id = s.room_id
        WHERE p.attendee_id = $1 AND p.status = 'confirmed' ORDER BY s.starts_at`,
      [attendeeId],
    );
  }

  /** Published export meetings of the export-meeting participant with the attendee's address. */
  meetings(manager: EntityManager, editionId: string, email: string): Promise<AttendeeMeetingRow[]> {
    return manager.query(
      `SELECT r.id AS "requestId", m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.table_code AS "tableCode", o.company_name AS counterpart
         FROM meeting_participants p
         JOIN meeting_requests r ON r.buyer_id = p.id OR r.exhibitor_id = p.id
         JOIN meetings m ON m.request_id = r.id AND m.status = 'published'
         JOIN meeting_participants o ON o.id = CASE WHEN r.buyer_id = p.id THEN r.exhibitor_id ELSE r.buyer_id END
        WHERE p.edition_id = $1 AND lower(p.email) = $2 ORDER BY m.starts_at`,
      [editionId, email],
    );
  }

  bookmarkedBooths(manager: EntityManager, attendeeId: string): Promise<BookmarkedBoothRow[]> {
    return manager.query(
      `SELECT a.company_name AS "companyName", h.name_ko AS "hallKo", h.name_en AS "hallEn", a.product_categories AS categories,
              COALESCE((SELECT array_agg(b.code ORDER BY b.code) FROM booth_assignments ba JOIN booths b ON b.id = ba.booth_id
                         WHERE ba.application_id = a.id), '{}') AS booths
         FROM attendee_bookmarks k JOIN exhibitor_applications a ON a.id = k.application_id AND a.status = 'approved'
         LEFT JOIN venue_spaces h ON h.id = a.hall_id
        WHERE k.attendee_id = $1 ORDER BY a.company_name`,
      [attendeeId],
    );
  }

  sentItems(manager: EntityManager, attendeeId: string): Promise<ItineraryItemSent[]> {
    return manager.getRepository(ItineraryItemSent).findBy({ attendeeId });
  }

  async saveSentItems(manager: EntityManager, rows: Array<Omit<ItineraryItemSent, 'updatedAt' | 'attendee'>>): Promise<void> {
    if (rows.length > 0) await manager.getRepository(ItineraryItemSent).upsert(rows, ['attendeeId', 'uid']);
  }

  /** Records a reminder as sent; false when it was already (a repeated job). */
  async claimReminder(manager: EntityManager, attendeeId: string, key: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO itinerary_reminders_sent (attendee_id, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
      [attendeeId, key],
    );
    return rows.length === 1;
  }
}
