import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { MeetingChangeRequest } from './entities/meeting-change-request.entity';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingRequest } from './entities/meeting-request.entity';
import { MeetingInterpreter, MeetingTable } from './entities/meeting-resources.entity';
import { Meeting, MeetingSeat } from './entities/meeting.entity';
import { ScheduleRun } from './entities/schedule-run.entity';
import { ScheduleSettings } from './entities/schedule-settings.entity';

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
  async deleteDraftMeetings(manager: EntityManager, editionId: string): Promise<void> {
    await manager.query(`DELETE FROM meetings WHERE edition_id = $1 AND status = 'scheduled'`, [editionId]);
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
