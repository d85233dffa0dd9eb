import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MeetingsDirectoryRepository } from './meetings-directory.repository';

/** A published export meeting as the floors above see it: when, at which table, with whom. */
export interface ParticipantMeetingRow {
  requestId: string;
  startsAt: Date;
  endsAt: Date;
  tableCode: string;
  /** The company on the other side of the table. */
  counterpart: string;
}

/** How many requests or meetings of an edition are in one status. */
export interface MeetingStatusCountRow {
  status: string;
  count: number;
}

/**
 * The meetings area's read API for the floors above (attendees): plain read models, scoped by
 * edition. Each method takes the caller's EntityManager, so a caller reading inside its
 * transaction reads in the same snapshot (one query per call: safe on a transaction's connection).
 */
@Injectable()
export class MeetingsDirectory {
  constructor(
    private readonly meetings: MeetingsDirectoryRepository,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * The published meetings of the edition's export-meeting participant (buyer or exhibitor) with
   * this address, in time order. `email` is compared with the participant's address lower-cased:
   * pass it lower-cased.
   */
  publishedMeetingsOf(manager: EntityManager, editionId: string, email: string): Promise<ParticipantMeetingRow[]> {
    return this.meetings.publishedMeetingsOfEmail(manager, editionId, email);
  }

  /** Meeting requests of the edition per status (statuses with none are left out). */
  requestCounts(editionId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingStatusCountRow[]> {
    return this.meetings.requestCounts(manager, editionId);
  }

  /** Meetings of the edition per status (scheduled, published, cancelled; none left out). */
  meetingCounts(editionId: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingStatusCountRow[]> {
    return this.meetings.meetingCounts(manager, editionId);
  }
}
