import { Injectable } from '@nestjs/common';
import { AuditTrail, changedFields } from '../../core/audit/audit-trail';
import type { Principal } from '../../core/auth/principal';
import { PgError, pgCode } from '../../core/database/postgres-errors';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode, type FieldError } from '../../core/errors/domain-error';
import { DEFAULT_TIME_ZONE, formatLocal, localToInstant } from '../../core/time/zoned-time';
import { SpaceHoldingsService } from '../venue/space-holdings.service';
import { VenueDirectory } from '../venue/venue-directory';
import { allowedTransitions, illegalTransitionMessage, isLegalTransition } from './domain/edition-lifecycle';
import { editionName } from './domain/edition-name';
import { conferenceSessionHolder, meetingAreaHolder } from './domain/holder-labels';
import { meetingSessionProblem, meetingSlots } from './domain/meeting-slots';
import type {
  ChangeEditionStatusDto, CreateConferenceSessionDto, CreateEditionDto, CreateMeetingSessionDto, ListEditionsQuery, SetOpeningHoursDto, UpdateConferenceSessionDto,
  UpdateEditionDto,
} from './dto/edition.dto';
import type {
  ConferenceSessionResponse, EditionPageResponse, EditionResponse, MeetingSessionResponse, ProgrammeResponse, EditionStatusChangeResponse,
} from './dto/edition.response';
import { ConferenceSession, EditionOpeningHours, ExportMeetingSession } from './entities/edition-programme.entity';
import { EditionStatusChange } from './entities/edition-status-change.entity';
import { FairEdition } from './entities/fair-edition.entity';
import { editionCode } from './fairs.seed';
import { FairsRepository } from './fairs.repository';
import { FairsService } from './fairs.service';
import { ProgrammeEvents } from './programme-events';

const ZONE = DEFAULT_TIME_ZONE;
const isCalendarDate = (d: string): boolean => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** Editions, their lifecycle and their programme: reads for everyone, writes for organizers. */
@Injectable()
export class EditionsService {
  constructor(
    private readonly fairs: FairsRepository,
    private readonly transactions: TransactionRunner,
    private readonly programmeEvents: ProgrammeEvents,
    private readonly publicEditions: FairsService,
    private readonly venues: VenueDirectory,
    private readonly audit: AuditTrail,
    private readonly holdings: SpaceHoldingsService,
  ) {}

  async list(q: ListEditionsQuery, viewer: Principal | undefined): Promise<EditionPageResponse> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { items, total } = await this.fairs.listEditions({
      seriesCode: q.series,
      status: q.status,
      year: q.year,
      includeDrafts: viewer?.role === 'organizer',
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { items: items.map(toEditionResponse), total, page, pageSize };
  }

  async get(code: string, viewer: Principal | undefined): Promise<EditionResponse> {
    return toEditionResponse(await this.visible(code, viewer));
  }

  async create(seriesCode: string, dto: CreateEditionDto): Promise<EditionResponse> {
    const series = await this.fairs.findSeriesByCode(seriesCode);
    if (!series) throw new DomainError(ErrorCode.NotFound, `No fair series "${seriesCode}".`);
    this.checkDates(dto.startsOn, dto.endsOn);
    if (Number(dto.startsOn.slice(0, 4)) !== dto.year) throw DomainError.validation([{ field: 'startsOn', messages: [`startsOn must fall in ${dto.year}`] }]);
    const venue = await this.venues.findVenue(dto.venue ?? 'kdj-center');
    if (!venue) throw DomainError.validation([{ field: 'venue', messages: [`no venue "${dto.venue}"`] }]);
    const code = editionCode(series.code, dto.year);
    try {
      await this.transactions.run(({ manager }) =>
        manager.insert(FairEdition, { code, seriesId: series.id, year: dto.year, startsOn: dto.startsOn, endsOn: dto.endsOn, venueId: venue.id, status: 'draft' }),
      );
    } catch (error) {
      if (pgCode(error) === PgError.UniqueViolation) {
        throw new DomainError(ErrorCode.Conflict, `${series.nameEn} already has a ${dto.year} edition (${code}).`, { existingEdition: code });
      }
      throw error;
    }
    return toEditionResponse((await this.fairs.findEditionByCode(code))!);
  }

  async update(code: string, dto: UpdateEditionDto, by: Principal): Promise<EditionResponse> {
    await this.transactions.run(async ({ manager }) => {
      const edition = await this.locked(manager, code);
      if (edition.status === 'finished') throw new DomainError(ErrorCode.IllegalTransition, 'A finished edition cannot be changed.');
      const startsOn = dto.startsOn ?? edition.startsOn;
      const endsOn = dto.endsOn ?? edition.endsOn;
      const buildUpDays = dto.buildUpDays ?? edition.buildUpDays;
      const tearDownDays = dto.tearDownDays ?? edition.tearDownDays;
      this.checkDates(startsOn, endsOn);
      await manager.update(FairEdition, edition.id, { startsOn, endsOn, buildUpDays, tearDownDays });
      const change = changedFields(
        { startsOn: edition.startsOn, endsOn: edition.endsOn, buildUpDays: edition.buildUpDays, tearDownDays: edition.tearDownDays },
        { startsOn, endsOn, buildUpDays, tearDownDays },
      );
      if (Object.keys(change.after).length === 0) this.audit.nothingChanged();
      else await this.audit.record(manager, { actor: { accountId: by.accountId, email: by.email }, scopeId: edition.id, action: 'edition.update', subjectType: 'edition', subjectId: edition.id, ...change });
      // The halls move with the edition's days, in this transaction: a clash with another fair refuses the change.
      await this.holdings.moveEditionDays(manager, edition.id, 'edition-hall', { firstDay: startsOn, lastDay: endsOn, daysBefore: buildUpDays, daysAfter: tearDownDays });
    });
    this.publicEditions.forget(code);
    return toEditionResponse((await this.fairs.findEditionByCode(code))!);
  }

  /** Moves the edition's status if the move is legal, recording who, when and why. */
  async changeStatus(code: string, dto: ChangeEditionStatusDto, by: Principal): Promise<EditionResponse> {
    await this.transactions.run(async ({ manager }) => {
      const edition = await this.locked(manager, code);
      if (!isLegalTransition(edition.status, dto.to)) {
        throw new DomainError(ErrorCode.IllegalTransition, illegalTransitionMessage(edition.status, dto.to), {
          currentStatus: edition.status,
          allowed: allowedTransitions(edition.status),
        });
      }
      await manager.update(FairEdition, edition.id, { status: dto.to });
      await manager.insert(EditionStatusChange, { editionId: edition.id, fromStatus: edition.status, toStatus: dto.to, changedBy: by.accountId, reason: dto.reason ?? null });
      await this.audit.record(manager, {
        actor: { accountId: by.accountId, email: by.email }, scopeId: edition.id, action: 'edition.status-change', subjectType: 'edition', subjectId: edition.id,
        before: { status: edition.status }, after: { status: dto.to, reason: dto.reason ?? null },
      });
    });
    this.publicEditions.forget(code);
    return toEditionResponse((await this.fairs.findEditionByCode(code))!);
  }

  async statusHistory(code: string): Promise<EditionStatusChangeResponse[]> {
    const edition = await this.existing(code);
    return (await this.fairs.statusHistory(edition.id)).map((c) => ({
      from: c.fromStatus, to: c.toStatus, by: c.by, at: formatLocal(new Date(c.changedAt), ZONE), reason: c.reason,
    }));
  }

  async programme(code: string, viewer: Principal | undefined): Promise<ProgrammeResponse> {
    const edition = await this.visible(code, viewer);
    const [hours, conference, meetings] = await Promise.all([
      this.fairs.openingHours(edition.id),
      this.fairs.conferenceSessions(edition.id),
      this.fairs.meetingSessions(edition.id),
    ]);
    return {
      edition: edition.code,
      openingHours: hours.map((h) => ({ date: h.day, opensAt: h.opensAt.slice(0, 5), closesAt: h.closesAt.slice(0, 5) })),
      conferenceSessions: conference.map(toConferenceResponse),
      meetingSessions: meetings.map(toMeetingResponse),
    };
  }

  /** Replaces the exhibition's opening hours; every day must fall within the edition. */
  async setOpeningHours(code: string, dto: SetOpeningHoursDto, by: Principal): Promise<ProgrammeResponse> {
    await this.transactions.run(async ({ manager }) => {
      const edition = await this.locked(manager, code);
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      dto.days.forEach((d, i) => {
        if (!isCalendarDate(d.date) || d.date < edition.startsOn || d.date > edition.endsOn) {
          errors.push({ field: `days.${i}.date`, messages: [`date must be a day of the edition (${edition.startsOn} to ${edition.endsOn})`] });
        }
        if (seen.has(d.date)) errors.push({ field: `days.${i}.date`, messages: ['each date at most once'] });
        seen.add(d.date);
        if (d.closesAt <= d.opensAt) errors.push({ field: `days.${i}.closesAt`, messages: ['closesAt must be after opensAt'] });
      });
      if (errors.length > 0) throw DomainError.validation(errors);
      const before = (await manager.getRepository(EditionOpeningHours).find({ where: { editionId: edition.id }, order: { day: 'ASC' } })).map((h) => `${h.day} ${h.opensAt.slice(0, 5)}–${h.closesAt.slice(0, 5)}`);
      const after = [...dto.days].sort((a, b) => a.date.localeCompare(b.date)).map((d) => `${d.date} ${d.opensAt.slice(0, 5)}–${d.closesAt.slice(0, 5)}`);
      const change = changedFields({ openingHours: before }, { openingHours: after });
      if (Object.keys(change.after).length === 0) this.audit.nothingChanged();
      else await this.audit.record(manager, { actor: { accountId: by.accountId, email: by.email }, scopeId: edition.id, action: 'edition.opening-hours', subjectType: 'edition', subjectId: edition.id, ...change });
      await manager.delete(EditionOpeningHours, { editionId: edition.id });
      if (dto.days.length > 0) {
        await manager.insert(EditionOpeningHours, dto.days.map((d) => ({ editionId: edition.id, day: d.date, opensAt: d.opensAt, closesAt: d.closesAt })));
      }
    });
    return this.programme(code, by);
  }

  async addConferenceSession(code: string, dto: CreateConferenceSessionDto): Promise<ConferenceSessionResponse> {
    const edition = await this.existing(code);
    const room = await this.venues.findSpace(edition.venueId, dto.room);
    if (!room) throw DomainError.validation([{ field: 'room', messages: [`no space "${dto.room}" at the edition's venue`] }]);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt) throw DomainError.validation([{ field: 'endsAt', messages: ['endsAt must be after startsAt'] }]);
    const day = formatLocal(startsAt, ZONE).slice(0, 10);
    if (day < edition.startsOn || day > edition.endsOn) {
      throw DomainError.validation([{ field: 'startsAt', messages: [`the session must take place during the edition (${edition.startsOn} to ${edition.endsOn})`] }]);
    }
    if (room.seats !== null && dto.capacity > room.seats) {
      throw DomainError.validation([{ field: 'capacity', messages: [`${room.nameEn} seats at most ${room.seats}`] }]);
    }
    const saved = await this.transactions.run(async ({ manager }) => {
      const session = await manager.save(manager.create(ConferenceSession, {
        editionId: edition.id, titleKo: dto.titleKo, titleEn: dto.titleEn, speakers: dto.speakers, roomId: room.id, startsAt, endsAt, capacity: dto.capacity,
      }));
      // The room is booked at the venue with the session, or neither exists (409 naming what holds it).
      await this.holdings.hold(manager, { holder: conferenceSessionHolder(edition, session), spaceId: room.id, editionId: edition.id, startsAt, endsAt, by: null });
      return session;
    });
    return toConferenceResponse({ ...saved, room });
  }

  /** Moves, re-rooms or renames a session; those who chose it hear of it (ProgrammeEvents). */
  async updateConferenceSession(code: string, id: string, dto: UpdateConferenceSessionDto): Promise<ConferenceSessionResponse> {
    const edition = await this.existing(code);
    const room = dto.room === undefined ? undefined : await this.venues.findSpace(edition.venueId, dto.room);
    if (room === null) throw DomainError.validation([{ field: 'room', messages: [`no space "${dto.room}" at the edition's venue`] }]);
    return this.transactions.run(async (tx) => {
      const session = await tx.manager.getRepository(ConferenceSession).findOne({ where: { id, editionId: edition.id }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw new DomainError(ErrorCode.NotFound, 'No such conference session in this edition.');
      const startsAt = dto.startsAt ? new Date(dto.startsAt) : session.startsAt;
      const endsAt = dto.endsAt ? new Date(dto.endsAt) : session.endsAt;
      if (endsAt <= startsAt) throw DomainError.validation([{ field: 'endsAt', messages: ['endsAt must be after startsAt'] }]);
      const day = formatLocal(startsAt, ZONE).slice(0, 10);
      if (day < edition.startsOn || day > edition.endsOn) {
        throw DomainError.validation([{ field: 'startsAt', messages: [`the session must take place during the edition (${edition.startsOn} to ${edition.endsOn})`] }]);
      }
      Object.assign(session, {
        startsAt, endsAt, ...(room && { roomId: room.id }), ...(dto.titleKo && { titleKo: dto.titleKo }), ...(dto.titleEn && { titleEn: dto.titleEn }),
      });
      await tx.manager.save(session);
      // Its venue booking moves in place: the old slot is free and the new one taken, or (409) neither changes.
      await this.holdings.hold(tx.manager, {
        holder: conferenceSessionHolder(edition, session), spaceId: session.roomId, editionId: edition.id, startsAt, endsAt, by: null,
      });
      await this.programmeEvents.sessionChanged(tx, session.id, 'moved');
      const saved = await tx.manager.getRepository(ConferenceSession).findOneOrFail({ where: { id }, relations: { room: true } });
      return toConferenceResponse(saved);
    });
  }

  /** Cancels a session: listeners see who had chosen it before the row (and the choices) go. */
  async cancelConferenceSession(code: string, id: string): Promise<void> {
    const edition = await this.existing(code);
    await this.transactions.run(async (tx) => {
      const session = await tx.manager.getRepository(ConferenceSession).findOne({ where: { id, editionId: edition.id }, lock: { mode: 'pessimistic_write' } });
      if (!session) throw new DomainError(ErrorCode.NotFound, 'No such conference session in this edition.');
      await this.programmeEvents.sessionChanged(tx, session.id, 'cancelled');
      await tx.manager.getRepository(ConferenceSession).delete({ id });
      await this.holdings.release(tx.manager, conferenceSessionHolder(edition, session).ref, null, 'conference session cancelled');
    });
  }

  async addMeetingSession(code: string, dto: CreateMeetingSessionDto): Promise<MeetingSessionResponse> {
    const edition = await this.existing(code);
    const slotMinutes = dto.slotMinutes ?? 30;
    const breaks = dto.breaks ?? [];
    if (!isCalendarDate(dto.day) || dto.day < edition.startsOn || dto.day > edition.endsOn) {
      throw DomainError.validation([{ field: 'day', messages: [`day must be a day of the edition (${edition.startsOn} to ${edition.endsOn})`] }]);
    }
    const problem = meetingSessionProblem(dto.startsAt, dto.endsAt, slotMinutes, breaks);
    if (problem) throw DomainError.validation([{ field: problem.field, messages: [problem.message] }]);
    const space = dto.space ? await this.venues.findSpace(edition.venueId, dto.space) : null;
    if (dto.space && !space) throw DomainError.validation([{ field: 'space', messages: [`no space "${dto.space}" at the edition's venue`] }]);
    try {
      const saved = await this.transactions.run(async ({ manager }) => {
        const session = await manager.save(manager.create(ExportMeetingSession, {
          editionId: edition.id, day: dto.day, startsAt: dto.startsAt, endsAt: dto.endsAt, slotMinutes, breaks, spaceId: space?.id ?? null,
        }));
        if (space) {
          await this.holdings.hold(manager, {
            holder: meetingAreaHolder(edition, session.id), spaceId: space.id, editionId: edition.id,
            startsAt: localToInstant(dto.day, dto.startsAt, ZONE), endsAt: localToInstant(dto.day, dto.endsAt, ZONE), by: null,
          });
        }
        return session;
      });
      return toMeetingResponse({ ...saved, space });
    } catch (error) {
      if (pgCode(error) === PgError.UniqueViolation) throw new DomainError(ErrorCode.Conflict, `There is already an export-meeting session on ${dto.day}.`);
      throw error;
    }
  }

  private checkDates(startsOn: string, endsOn: string): void {
    const errors: FieldError[] = [];
    if (!isCalendarDate(startsOn)) errors.push({ field: 'startsOn', messages: [`${startsOn} is not a calendar date`] });
    if (!isCalendarDate(endsOn)) errors.push({ field: 'endsOn', messages: [`${endsOn} is not a calendar date`] });
    if (errors.length === 0 && endsOn < startsOn) errors.push({ field: 'endsOn', messages: ['endsOn must not be before startsOn'] });
    if (errors.length === 0 && Date.parse(endsOn) - Date.parse(startsOn) > 30 * 86400_000) errors.push({ field: 'endsOn', messages: ['an edition lasts at most 31 days'] });
    if (errors.length > 0) throw DomainError.validation(errors);
  }

  /** Drafts are visible to organizers only; to everyone else they do not exist. */
  private async visible(code: string, viewer: Principal | undefined): Promise<FairEdition> {
    const edition = await this.fairs.findEditionByCode(code);
    if (!edition || (edition.status === 'draft' && viewer?.role !== 'organizer')) {
      throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${code}".`);
    }
    return edition;
  }

  private async existing(code: string): Promise<FairEdition> {
    const edition = await this.fairs.findEditionByCode(code);
    if (!edition) throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${code}".`);
    return edition;
  }

  private async locked(manager: Parameters<FairsRepository['lockEdition']>[0], code: string): Promise<FairEdition> {
    const edition = await this.fairs.lockEdition(manager, code);
    if (!edition) throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${code}".`);
    return edition;
  }
}

export function toEditionResponse(e: FairEdition): EditionResponse {
  return {
    code: e.code,
    year: e.year,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    status: e.status,
    assumedFields: e.assumedFields,
    series: e.series?.code ?? '',
    nameKo: editionName(e, 'ko'),
    nameEn: editionName(e, 'en'),
    venue: e.venue?.code ?? '',
    buildUpDays: e.buildUpDays,
    tearDownDays: e.tearDownDays,
    nextStatuses: allowedTransitions(e.status),
  };
}

function toConferenceResponse(s: ConferenceSession): ConferenceSessionResponse {
  return {
    id: s.id, titleKo: s.titleKo, titleEn: s.titleEn, speakers: s.speakers, room: s.room?.code ?? '',
    startsAt: formatLocal(s.startsAt, ZONE), endsAt: formatLocal(s.endsAt, ZONE), capacity: s.capacity,
  };
}

function toMeetingResponse(s: ExportMeetingSession): MeetingSessionResponse {
  const startsAt = s.startsAt.slice(0, 5);
  const endsAt = s.endsAt.slice(0, 5);
  return {
    id: s.id, day: s.day, startsAt, endsAt, slotMinutes: s.slotMinutes, breaks: s.breaks, space: s.space?.code ?? null,
    slots: meetingSlots(s.day, startsAt, endsAt, s.slotMinutes, s.breaks),
  };
}
