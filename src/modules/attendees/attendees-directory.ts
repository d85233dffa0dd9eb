import { Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '../../core/time/zoned-time';
import { AttendeesDirectoryRepository } from './attendees-directory.repository';
import type { CheckInCountRow } from './domain/check-in';

export type { CheckInCountRow } from './domain/check-in';

/** Registered visitors of an edition on one of its days (YYYY-MM-DD). */
export interface VisitorsPerDayRow {
  day: string;
  count: number;
}

/** Registered attendees of an edition of one kind (trade_visitor, buyer, press). */
export interface AttendeeKindCountRow {
  kind: string;
  count: number;
}

/**
 * The attendees area's read API for the floors above (the console): plain figures scoped by
 * edition, one query each; only its own repository touches the attendees' tables.
 */
@Injectable()
export class AttendeesDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attendees: AttendeesDirectoryRepository,
  ) {}

  /** How many registered visitors come on each day of the edition (days nobody chose are left out). */
  visitorsPerDay(editionId: string): Promise<VisitorsPerDayRow[]> {
    return this.attendees.visitorsPerDay(this.dataSource.manager, editionId);
  }

  /** Registered attendees per kind. */
  kindCounts(editionId: string): Promise<AttendeeKindCountRow[]> {
    return this.attendees.kindCounts(this.dataSource.manager, editionId);
  }

  /**
   * Visitors checked in at the entrance, grouped by day, hour at the venue, kind and country (each
   * visitor counts once per day: the check-ins' unique key); aggregate with `aggregateCheckIns`.
   */
  checkInCounts(editionId: string): Promise<CheckInCountRow[]> {
    return this.attendees.checkInCounts(this.dataSource.manager, editionId, DEFAULT_TIME_ZONE);
  }
}

/** The read API's own module, without the attendees' controllers and jobs. */
@Module({ providers: [AttendeesDirectoryRepository, AttendeesDirectory], exports: [AttendeesDirectory] })
export class AttendeesDirectoryModule {}
