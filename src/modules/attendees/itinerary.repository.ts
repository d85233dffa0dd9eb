import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Attendee } from './entities/attendee.entity';
import { ItineraryItemSent } from './entities/itinerary-item.entity';

/** What an attendee chose that its itinerary shows; the other areas answer what these ids are. */
export interface ItineraryChoices {
  /** Sessions with a confirmed seat. */
  confirmedSessionIds: string[];
  /** Bookmarked exhibitors (applications). */
  bookmarkedApplicationIds: string[];
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

  /**
   * The attendee's confirmed session picks and bookmarks, in one query. The sessions, meetings and
   * booths themselves belong to fairs, meetings and exhibitors: ask their read APIs.
   */
  async choices(manager: EntityManager, attendeeId: string): Promise<ItineraryChoices> {
    const rows: ItineraryChoices[] = await manager.query(
      `SELECT ARRAY(SELECT session_id FROM attendee_session_picks WHERE attendee_id = $1 AND status = 'confirmed')::text[] AS "confirmedSessionIds",
              ARRAY(SELECT application_id FROM attendee_bookmarks WHERE attendee_id = $1)::text[] AS "bookmarkedApplicationIds"`,
      [attendeeId],
    );
    return rows[0];
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
