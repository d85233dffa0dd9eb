import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { DEFAULT_TIME_ZONE } from '../../core/time/zoned-time';
import { EditionsService } from '../fairs/editions.service';
import { FairsDirectory, type EditionListRow, type RoomRow } from '../fairs/fairs-directory';
import { ProgrammeDirectory, type ProgrammeSessionRow } from '../fairs/programme-directory';
import { parseSessionForm, type SessionErrors, type SessionValues } from './programme.forms';

export interface ProgrammePageData {
  edition: EditionListRow;
  sessions: ProgrammeSessionRow[];
  rooms: RoomRow[];
  /** The edition's days (YYYY-MM-DD). */
  days: string[];
}

/** The days from `from` to `to`, inclusive. */
export function editionDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && days.length < 60; t += 86400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The console's programme: the editions, one edition's sessions with room names, adding a session through the fairs' API. */
@Injectable()
export class ConsoleProgrammeService {
  constructor(
    private readonly fairs: FairsDirectory,
    private readonly programme: ProgrammeDirectory,
    private readonly editions: EditionsService,
  ) {}

  editionList(): Promise<EditionListRow[]> {
    return this.fairs.editions({ includeDrafts: true });
  }

  async page(code: string): Promise<ProgrammePageData> {
    const edition = await this.fairs.edition(code);
    if (!edition) throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${code}".`);
    const [sessions, rooms] = await Promise.all([this.programme.programmeOfEdition(edition.id), this.fairs.rooms(edition.id)]);
    return { edition, sessions, rooms, days: editionDays(edition.startsOn, edition.endsOn) };
  }

  /** Adds a session from the form; the problems per field when the form or the fairs' rules refuse it. */
  async addSession(code: string, values: SessionValues): Promise<{ ok: true } | { ok: false; errors: SessionErrors; data: ProgrammePageData }> {
    const data = await this.page(code);
    const parsed = parseSessionForm(values, data.rooms, data.days, DEFAULT_TIME_ZONE);
    if (!parsed.ok) return { ok: false, errors: parsed.errors, data };
    try {
      await this.editions.addConferenceSession(code, parsed.dto);
      return { ok: true };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.BookingConflict) {
        // The venue named what holds the room at that time, in both languages: shown at the room and the times.
        const { messageKo, messageEn } = error.details;
        const taken = typeof messageKo === 'string' && typeof messageEn === 'string' ? { ko: messageKo, en: messageEn } : { ko: '', en: '' };
        return { ok: false, errors: { room: 'roomTaken', start: 'timeTaken', end: 'timeTaken', taken }, data };
      }
      if (!(error instanceof DomainError) || error.code !== ErrorCode.ValidationFailed) throw error;
      // The fairs' rules name their fields; the form has its own, and words of its own.
      const errors: SessionErrors = {};
      for (const e of error.details.errors ?? []) {
        if (e.field === 'room') errors.room = 'unknownRoom';
        else if (e.field === 'startsAt') errors.day = 'notEditionDay';
        else if (e.field === 'endsAt') errors.end = 'endBeforeStart';
        else if (e.field === 'capacity') errors.capacity = 'overCapacity';
        else errors.form = 'refused';
      }
      return { ok: false, errors, data };
    }
  }
}
