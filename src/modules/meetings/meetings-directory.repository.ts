import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReportMeetingRow, ReportSurveyRow } from './domain/results-report';
import type { MeetingStatusCountRow, ParticipantMeetingRow } from './meetings-directory';

/** The queries behind MeetingsDirectory, the meetings area's read API for the floors above. */
@Injectable()
export class MeetingsDirectoryRepository {
  /** Published meetings of the edition's participant(s) with this address (lower-cased), with the other side's company, in time order. */
  publishedMeetingsOfEmail(manager: EntityManager, editionId: string, email: string): Promise<ParticipantMeetingRow[]> {
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

  requestCounts(manager: EntityManager, editionId: string): Promise<MeetingStatusCountRow[]> {
    return manager.query(`SELECT status, count(*)::int AS count FROM meeting_requests WHERE edition_id = $1 GROUP BY status ORDER BY status`, [editionId]);
  }

  meetingCounts(manager: EntityManager, editionId: string): Promise<MeetingStatusCountRow[]> {
    return manager.query(`SELECT status, count(*)::int AS count FROM meetings WHERE edition_id = $1 GROUP BY status ORDER BY status`, [editionId]);
  }

  /** The edition's published meetings with their two sides, for the results report. */
  reportMeetings(manager: EntityManager, editionId: string): Promise<ReportMeetingRow[]> {
    return manager.query(
      `SELECT m.id AS "meetingId", m.outcome, b.id AS "buyerId", b.country AS "buyerCountry",
              e.id AS "exhibitorId", e.company_name AS "exhibitorName",
              e.alternate_company_name AS "exhibitorAlternateName", e.interests AS "exhibitorCategories"
         FROM meetings m JOIN meeting_requests r ON r.id = m.request_id
         JOIN meeting_participants b ON b.id = r.buyer_id
         JOIN meeting_participants e ON e.id = r.exhibitor_id
        WHERE m.edition_id = $1 AND m.status = 'published'
        ORDER BY m.starts_at, m.id`,
      [editionId],
    );
  }

  /** The survey rows of the edition's published meetings, with the side that answered. */
  reportSurveys(manager: EntityManager, editionId: string): Promise<ReportSurveyRow[]> {
    return manager.query(
      `SELECT s.meeting_id AS "meetingId", p.side, s.answered_at IS NOT NULL AS answered, s.satisfaction, s.follow_up AS "followUp",
              s.consultation_usd AS "consultationUsd", s.expected_contract_usd AS "expectedContractUsd"
         FROM meeting_surveys s JOIN meetings m ON m.id = s.meeting_id JOIN meeting_participants p ON p.id = s.participant_id
        WHERE m.edition_id = $1 AND m.status = 'published'`,
      [editionId],
    );
  }
}
