import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { MeetingChangeRequest } from './entities/meeting-change-request.entity';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingRequest } from './entities/meeting-request.entity';
import { MeetingInterpreter, MeetingTable } from './entities/meeting-resources.entity';
import { Meeting, MeetingSeat } from './entities/meeting.entity';
import { ScheduleRun } from './entities/schedule-run.entity';
import { ScheduleSettings } from './entities/schedule-settings.entity';
import type { SurveyAnswer } from './domain/survey-answer';

/** A meeting and side whose survey is due (a held meeting without that side's survey row). */
export interface SurveyPair {
  meetingId: string;
  participantId: string;
}

/** What a survey email and page need: the participant, the meeting, the other side, the survey row. */
export interface SurveyContextRow {
  meetingId: string;
  participantId: string;
  editionId: string;
  side: 'buyer' | 'exhibitor';
  email: string;
  locale: 'ko' | 'en';
  contactName: string;
  company: string;
  counterpart: string;
  counterpartCountry: string;
  startsAt: Date;
  endsAt: Date;
  tableCode: string;
  /** Only 'held' meetings have surveys; the context says what the meeting is. */
  outcome: string | null;
  status: string;
  sentAt: Date | null;
  answeredAt: Date | null;
  satisfaction: number | null;
  followUp: boolean | null;
  consultationUsd: string | null;
  expectedContractUsd: string | null;
  comment: string | null;
}

/** Every query of the export-meetings area; each is scoped to an edition. */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  participants(editionId: string): Promise<MeetingParticipant[]> {
    return this.dataSource.getRepository(MeetingParticipant).find({ where: { editionId }, order: { side: 'ASC', companyName: 'ASC' } });
  }

  participant(editionId: string, id: string): Promise<MeetingParticipant | null> {
    return this.dataSource.getRepository(MeetingParticipant).findOneBy({ editionId, id });
  }

  /** For a participant's own private link, which names no edition. */
  participantById(id: string): Promise<MeetingParticipant | null> {
    return this.dataSource.getRepository(MeetingParticipant).findOneBy({ id });
  }

  /** The participants an exhibitor company joined itself, in any edition. */
  participantsOfCompany(companyId: string): Promise<MeetingParticipant[]> {
    return this.dataSource.getRepository(MeetingParticipant).find({ where: { companyId }, order: { createdAt: 'ASC' } });
  }

  participantOfCompany(editionId: string, companyId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingParticipant | null> {
    return manager.getRepository(MeetingParticipant).findOneBy({ editionId, companyId });
  }

  /** Whether any meeting of the edition's schedule is published (participants have seen it). */
  async hasPublishedMeetings(editionId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM meetings WHERE edition_id = $1 AND status = 'published' LIMIT 1`, [editionId]);
    return rows.length > 0;
  }

  tables(editionId: string): Promise<MeetingTable[]> {
    return this.dataSource.getRepository(MeetingTable).find({ where: { editionId }, order: { code: 'ASC' } });
  }

  interpreters(editionId: string): Promise<MeetingInterpreter[]> {
    return this.dataSource.getRepository(MeetingInterpreter).find({ where: { editionId }, order: { name: 'ASC' } });
  }

  requests(editionId: string, statuses?: MeetingRequest['status'][]): Promise<MeetingRequest[]> {
    return this.dataSource.getRepository(MeetingRequest).find({
      where: { editionId, ...(statuses ? { status: In(statuses) } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  lockRequest(manager: EntityManager, editionId: string, id: string): Promise<MeetingRequest | null> {
    return manager.getRepository(MeetingRequest).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id AND r.edition_id = :editionId', { id, editionId }).getOne();
  }

  /** Live meetings (not cancelled) of the edition. */
  liveMeetings(editionId: string): Promise<Meeting[]> {
    return this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.request', 'r')
      .where(`m.edition_id = :editionId AND m.status <> 'cancelled'`, { editionId })
      .orderBy('m.starts_at')
      .addOrderBy('m.table_code')
      .getMany();
  }

  /** Frozen before agendas are printed: no runs, moves, swaps or cancellations. */
  async isFrozen(editionId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await manager.findOneBy(ScheduleSettings, { editionId }))?.frozen ?? false;
  }

  async requestExpiryHours(editionId: string): Promise<number> {
    return (await this.dataSource.manager.findOneBy(ScheduleSettings, { editionId }))?.requestExpiryHours ?? 72;
  }

  async setRequestExpiryHours(editionId: string, hours: number): Promise<void> {
    await this.dataSource.manager.upsert(ScheduleSettings, { editionId, requestExpiryHours: hours }, ['editionId']);
  }

  run(editionId: string, id: string): Promise<ScheduleRun | null> {
    return this.dataSource.getRepository(ScheduleRun).findOneBy({ editionId, id });
  }

  runById(id: string): Promise<ScheduleRun | null> {
    return this.dataSource.getRepository(ScheduleRun).findOneBy({ id });
  }

  async updateRun(id: string, patch: Partial<ScheduleRun>): Promise<void> {
    await this.dataSource.getRepository(ScheduleRun).update(id, patch as never);
  }

  /** Drops the unpublished meetings of the edition (a new run replaces them). */
  /**
   * Per request, the highest SEQUENCE its participants' calendars may hold: of its published and
   * cancelled meetings and its announced drafts. A next version must go above it, or calendar apps
   * ignore it (a request cancelled, then scheduled again, would stay cancelled in their calendars).
   */
  async heardSequences(manager: EntityManager, editionId: string): Promise<Map<string, number>> {
    const rows: Array<{ request_id: string; sequence: number }> = await manager.query(
      `SELECT request_id, max(sequence)::int AS sequence FROM meetings
        WHERE edition_id = $1 AND (status <> 'scheduled' OR notified_sequence IS NOT NULL) GROUP BY request_id`,
      [editionId],
    );
    return new Map(rows.map((r) => [r.request_id, r.sequence]));
  }

  /**
   * Drafts nobody has heard of. A draft that was announced (published, then taken back: it has a
   * notified sequence) stays: the next run keeps, moves or cancels it, so its participants and
   * their calendars hear of the change when the schedule is published again.
   */
  async deleteUnannouncedDrafts(manager: EntityManager, editionId: string): Promise<void> {
    await manager.query(`DELETE FROM meetings WHERE edition_id = $1 AND status = 'scheduled' AND notified_sequence IS NULL`, [editionId]);
  }

  /** Writes one meeting and its two seats; the seats' primary key refuses a participant in two meetings of one slot. */
  async insertMeeting(manager: EntityManager, meeting: Partial<Meeting>, participantIds: [string, string]): Promise<Meeting> {
    const saved = await manager.getRepository(Meeting).save(manager.create(Meeting, meeting));
    await manager.getRepository(MeetingSeat).insert(participantIds.map((participantId) => ({ participantId, slotId: saved.slotId, meetingId: saved.id })));
    return saved;
  }

  /** Editions that have export-meeting participants (drafts included), for the console's list. */
  async editionIdsWithParticipants(): Promise<string[]> {
    const rows: Array<{ edition_id: string }> = await this.dataSource.query(`SELECT DISTINCT edition_id FROM meeting_participants`);
    return rows.map((r) => r.edition_id);
  }

  /** The edition's latest scheduler run, if any. */
  latestRun(editionId: string): Promise<ScheduleRun | null> {
    return this.dataSource.getRepository(ScheduleRun).findOne({ where: { editionId }, order: { createdAt: 'DESC' } });
  }

  // ---------------------------------------------------------------- after-meeting surveys

  /** Held meetings' sides that have no survey row yet (both sides of each meeting), oldest meeting first. */
  dueSurveys(manager: EntityManager, limit: number): Promise<SurveyPair[]> {
    return manager.query(
      `SELECT m.id AS "meetingId", x.pid AS "participantId"
         FROM meetings m JOIN meeting_requests r ON r.id = m.request_id
        CROSS JOIN LATERAL (VALUES (r.buyer_id), (r.exhibitor_id)) AS x(pid)
        WHERE m.outcome = 'held' AND m.status = 'published'
          AND NOT EXISTS (SELECT 1 FROM meeting_surveys s WHERE s.meeting_id = m.id AND s.participant_id = x.pid)
        ORDER BY m.starts_at, m.id, x.pid LIMIT $1`,
      [limit],
    );
  }

  /**
   * Writes the survey rows of these pairs; answers the pairs this call wrote. The primary key
   * (meeting, participant) makes it once: a concurrent writer of the same pair waits for the first
   * transaction, then finds the row and writes nothing.
   */
  claimSurveys(manager: EntityManager, pairs: SurveyPair[]): Promise<SurveyPair[]> {
    if (pairs.length === 0) return Promise.resolve([]);
    return manager.query(
      `INSERT INTO meeting_surveys (meeting_id, participant_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[])
       ON CONFLICT (meeting_id, participant_id) DO NOTHING
       RETURNING meeting_id AS "meetingId", participant_id AS "participantId"`,
      [pairs.map((p) => p.meetingId), pairs.map((p) => p.participantId)],
    );
  }

  /** A participant's view of one of its meetings and its survey (null when the participant is not a side of it). */
  async surveyContext(meetingId: string, participantId: string, manager: EntityManager = this.dataSource.manager): Promise<SurveyContextRow | null> {
    const rows: SurveyContextRow[] = await manager.query(
      `SELECT m.id AS "meetingId", p.id AS "participantId", p.edition_id AS "editionId", p.side, p.email, p.locale, p.contact_name AS "contactName",
              p.company_name AS company, o.company_name AS counterpart, o.country AS "counterpartCountry",
              m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.table_code AS "tableCode", m.outcome, m.status,
              s.sent_at AS "sentAt", s.answered_at AS "answeredAt", s.satisfaction, s.follow_up AS "followUp",
              s.consultation_usd AS "consultationUsd", s.expected_contract_usd AS "expectedContractUsd", s.comment
         FROM meetings m JOIN meeting_requests r ON r.id = m.request_id
         JOIN meeting_participants p ON p.id = $2 AND (r.buyer_id = p.id OR r.exhibitor_id = p.id)
         JOIN meeting_participants o ON o.id = CASE WHEN r.buyer_id = p.id THEN r.exhibitor_id ELSE r.buyer_id END
         LEFT JOIN meeting_surveys s ON s.meeting_id = m.id AND s.participant_id = p.id
        WHERE m.id = $1`,
      [meetingId, participantId],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores a side's answer (answering again overwrites), only while the meeting is held and the
   * participant is one of its two sides; answers whether it was stored.
   */
  async saveSurveyAnswer(meetingId: string, participantId: string, a: SurveyAnswer): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO meeting_surveys (meeting_id, participant_id, answered_at, satisfaction, follow_up, consultation_usd, expected_contract_usd, comment)
       SELECT m.id, $2::uuid, now(), $3::int, $4::boolean, $5::numeric, $6::numeric, $7::text
         FROM meetings m JOIN meeting_requests r ON r.id = m.request_id
        WHERE m.id = $1 AND m.outcome = 'held' AND m.status = 'published' AND $2::uuid IN (r.buyer_id, r.exhibitor_id)
       ON CONFLICT (meeting_id, participant_id) DO UPDATE SET answered_at = now(), satisfaction = EXCLUDED.satisfaction, follow_up = EXCLUDED.follow_up,
         consultation_usd = EXCLUDED.consultation_usd, expected_contract_usd = EXCLUDED.expected_contract_usd, comment = EXCLUDED.comment
       RETURNING meeting_id`,
      [meetingId, participantId, a.satisfaction, a.followUp, a.consultationUsd, a.expectedContractUsd, a.comment],
    );
    return rows.length === 1;
  }

  /** The participant's surveys: meeting id → answered or not (for its private page's links). */
  async surveysOf(participantId: string): Promise<Record<string, boolean>> {
    const rows: Array<{ meeting_id: string; answered: boolean }> = await this.dataSource.query(
      `SELECT s.meeting_id, s.answered_at IS NOT NULL AS answered FROM meeting_surveys s JOIN meetings m ON m.id = s.meeting_id
        WHERE s.participant_id = $1 AND m.outcome = 'held' AND m.status = 'published'`,
      [participantId],
    );
    return Object.fromEntries(rows.map((r) => [r.meeting_id, r.answered]));
  }

  // ---------------------------------------------------------------- the fair day

  /** One meeting of the edition, locked for the rest of the transaction (the day's writers queue on it). */
  lockMeeting(manager: EntityManager, editionId: string, id: string): Promise<Meeting | null> {
    return manager
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id AND m.edition_id = :editionId', { id, editionId })
      .getOne();
  }

  /** Every meeting (cancelled ones too) at one table, with its request, in time order. */
  tableMeetings(editionId: string, tableCode: string): Promise<Meeting[]> {
    return this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.request', 'r')
      .where('m.edition_id = :editionId AND m.table_code = :tableCode', { editionId, tableCode })
      .orderBy('m.starts_at')
      .addOrderBy('m.status', 'DESC')
      .getMany();
  }

  /** Every meeting of the edition (cancelled ones too) with its request, for the day's overview. */
  allMeetings(editionId: string): Promise<Meeting[]> {
    return this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.request', 'r')
      .where('m.edition_id = :editionId', { editionId })
      .orderBy('m.starts_at')
      .addOrderBy('m.table_code')
      .getMany();
  }

  /** The participants' cancellations and move requests of the edition, newest first. */
  changeRequests(editionId: string): Promise<MeetingChangeRequest[]> {
    return this.dataSource.getRepository(MeetingChangeRequest).find({ where: { editionId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** One participant's change requests (to show what it already asked on its page). */
  changeRequestsOf(participantId: string): Promise<MeetingChangeRequest[]> {
    return this.dataSource.getRepository(MeetingChangeRequest).find({ where: { participantId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }
}
