import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ProgrammeDirectoryRepository } from './programme-directory.repository';

/** An edition's opening hours on one day (`YYYY-MM-DD`, `HH:MM`). */
export interface OpeningHoursRow {
  day: string;
  opensAt: string;
  closesAt: string;
}

/** A conference session with its room's names. */
export interface SessionInRoomRow {
  id: string;
  titleKo: string;
  titleEn: string;
  roomKo: string;
  roomEn: string;
  startsAt: Date;
  endsAt: Date;
}

/** A conference session of the edition as visitors choose it: its room's code and its capacity. */
export interface EditionSessionRow {
  id: string;
  titleKo: string;
  titleEn: string;
  speakers: string[];
  /** The room's space code. */
  room: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

/** A conference session with its room's names and speakers, as the site and the console show the programme. */
export interface ProgrammeSessionRow extends SessionInRoomRow {
  speakers: string[];
  room: string;
  capacity: number;
}

/**
 * The fairs area's read API of an edition's programme for the floors above (attendees): plain
 * read models, scoped by edition. Methods a caller may need inside its transaction take its
 * EntityManager (default: the data source's); each runs one query.
 */
@Injectable()
export class ProgrammeDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly programme: ProgrammeDirectoryRepository,
  ) {}

  /** The days of the edition that have opening hours set (unordered). */
  openingHours(editionId: string, manager: EntityManager = this.dataSource.manager): Promise<OpeningHoursRow[]> {
    return this.programme.openingHours(manager, editionId);
  }

  /** The edition's sessions among `sessionIds` with their rooms, in time order; no query for none. */
  async sessionsInRooms(editionId: string, sessionIds: string[], manager: EntityManager = this.dataSource.manager): Promise<SessionInRoomRow[]> {
    if (sessionIds.length === 0) return [];
    return this.programme.sessionsInRooms(manager, editionId, sessionIds);
  }

  /** The edition's conference sessions by start, English title and id. */
  sessionsOfEdition(editionId: string): Promise<EditionSessionRow[]> {
    return this.programme.sessionsOfEdition(this.dataSource.manager, editionId);
  }

  /** The edition's whole conference programme with room names, in time order. */
  programmeOfEdition(editionId: string): Promise<ProgrammeSessionRow[]> {
    return this.programme.programmeOfEdition(this.dataSource.manager, editionId);
  }

  /** The session with its capacity, if it belongs to the edition (pass a transaction's manager to read in its snapshot). */
  sessionOfEdition(editionId: string, sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; capacity: number } | undefined> {
    return this.programme.sessionOfEdition(manager, editionId, sessionId);
  }
}
