import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { csvCell } from '../../core/csv/csv-cell';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { DEFAULT_TIME_ZONE, toLocal } from '../../core/time/zoned-time';
import { editionName } from '../fairs/domain/edition-name';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { FairsService } from '../fairs/fairs.service';
import { AttendeesConsoleService, type ConsoleEdition, type ConsoleEditionRow } from './attendees-console.service';
import { AttendeesDirectory } from './attendees-directory';
import { AttendeesService } from './attendees.service';
import { CheckInRepository, type BadgeHolderRow } from './check-in.repository';
import { aggregateCheckIns, checkInCsvRows, decideCheckIn, normalizeBadgeCode, type CheckInCounts, type CheckInRefusal } from './domain/check-in';
import { editionDays } from './domain/edition-days';
import { RegisterAttendeeDto } from './dto/attendee.dto';

export type CheckInVisitor = BadgeHolderRow;

/** What the desk shows about a badge: refused (why), already in (since when), to be let in, or just let in. */
export type CheckInState =
  | { kind: 'refused'; reason: CheckInRefusal | 'invalidCode'; visitor?: CheckInVisitor }
  | { kind: 'already'; visitor: CheckInVisitor; at: Date }
  | { kind: 'admit'; visitor: CheckInVisitor }
  | { kind: 'checkedIn'; visitor: CheckInVisitor; at: Date };

export interface CheckInDesk {
  edition: ConsoleEdition;
  /** The fair day checked in for (today at the venue unless given). */
  day: string;
  today: string;
  /** The day was given explicitly (?day=): the forms carry it on. */
  dayGiven: boolean;
  counts: CheckInCounts;
  /** The badge code looked up, as typed. */
  badge?: string;
  state?: CheckInState;
}

export const WALK_IN_FIELDS = ['name', 'email', 'company', 'country', 'kind', 'language'] as const;
export type WalkInField = (typeof WALK_IN_FIELDS)[number];
export type WalkInValues = Record<WalkInField, string> & { consentMessages: boolean; consentShareContact: boolean };
export type WalkInProblem = 'required' | 'invalid';
export type WalkInErrors = Partial<Record<WalkInField, WalkInProblem>> & { form?: 'closed' | 'notFairDay' };

export type WalkInOutcome =
  | { ok: true; attendeeId: string; badge: string; registeredBefore: boolean; state: CheckInState }
  | { ok: false; errors: WalkInErrors; desk: CheckInDesk };

/** Today at the venue, or the day asked for when it looks like a date. */
function dayOf(explicit: string | undefined, now: Date): { day: string; today: string; dayGiven: boolean } {
  const today = toLocal(now, DEFAULT_TIME_ZONE).date;
  const given = typeof explicit === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(explicit);
  return { day: given ? explicit : today, today, dayGiven: given };
}

function consoleEdition(e: FairEdition): ConsoleEdition {
  return { code: e.code, nameKo: editionName(e, 'ko'), nameEn: editionName(e, 'en'), startsOn: e.startsOn, endsOn: e.endsOn, status: e.status, days: editionDays(e.startsOn, e.endsOn) };
}

/**
 * The walk-in form checked with the registration API's own rules (RegisterAttendeeDto), per field:
 * the desk registers exactly what the public form and the API accept.
 */
export function parseWalkIn(v: WalkInValues, day: string): { ok: true; dto: RegisterAttendeeDto } | { ok: false; errors: WalkInErrors } {
  const errors: WalkInErrors = {};
  for (const f of ['name', 'email', 'country', 'kind', 'language'] as const) if (!v[f]) errors[f] = 'required';
  const plain = {
    name: v.name, email: v.email, ...(v.company ? { company: v.company } : {}), country: v.country, kind: v.kind, days: [day],
    language: v.language, consentMessages: v.consentMessages, consentShareContact: v.consentShareContact,
  };
  const dto = plainToInstance(RegisterAttendeeDto, plain);
  for (const e of validateSync(dto)) {
    const field = e.property as WalkInField;
    if ((WALK_IN_FIELDS as readonly string[]).includes(field) && !errors[field]) errors[field] = 'invalid';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, dto };
}

/**
 * The entrance: look a badge up, check its holder in once per day (the database's unique key
 * decides, so taps from many phones count once), register walk-ins at the desk, and the counts.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly fairs: FairsService,
    private readonly checkIns: CheckInRepository,
    private readonly directory: AttendeesDirectory,
    private readonly attendees: AttendeesService,
    private readonly consoleEditions: AttendeesConsoleService,
  ) {}

  editions(): Promise<ConsoleEditionRow[]> {
    return this.consoleEditions.editions();
  }

  /** The desk page: the day, its counts and, when a code was given, what it means today. */
  async desk(code: string, query: { day?: string; badge?: string }, now = new Date()): Promise<CheckInDesk> {
    const edition = await this.fairs.getEdition(code);
    const desk = await this.deskOf(edition, query.day, now);
    if (query.badge === undefined || query.badge.trim() === '') return desk;
    return { ...desk, badge: query.badge, state: await this.lookup(edition, desk.day, query.badge) };
  }

  /** One tap: the first check-in of the visitor on the day counts; any other answers "already" with the first one's time. */
  async checkIn(code: string, input: { badge: string; day?: string; staffId: string | null }, now = new Date()): Promise<CheckInState> {
    const edition = await this.fairs.getEdition(code);
    const { day } = dayOf(input.day, now);
    const state = await this.lookup(edition, day, input.badge);
    if (state.kind !== 'admit') return state;
    return this.admit(edition, day, state.visitor, false, input.staffId);
  }

  /** A visitor registered at the desk for the day and checked in at once; one already registered with that address is checked in as they are. */
  async walkIn(code: string, input: { values: WalkInValues; day?: string; staffId: string | null }, now = new Date()): Promise<WalkInOutcome> {
    const edition = await this.fairs.getEdition(code);
    const { day } = dayOf(input.day, now);
    const refuse = async (errors: WalkInErrors): Promise<WalkInOutcome> => ({ ok: false, errors, desk: await this.deskOf(edition, input.day, now) });
    if (!editionDays(edition.startsOn, edition.endsOn).includes(day)) return refuse({ form: 'notFairDay' });
    const parsed = parseWalkIn(input.values, day);
    if (!parsed.ok) return refuse(parsed.errors);
    let newId: string | null;
    try {
      newId = (await this.attendees.registerAndTell({ editionCode: edition.code, body: parsed.dto, atDesk: true })).newAttendeeId;
    } catch (error) {
      if (error instanceof DomainError && (error.code === ErrorCode.EditionNotOpen || error.code === ErrorCode.NotFound)) return refuse({ form: 'closed' });
      throw error;
    }
    const holder = newId ? await this.checkIns.holderById(edition.id, newId) : await this.checkIns.holderByEmail(edition.id, parsed.dto.email.toLowerCase());
    if (!holder) throw new DomainError(ErrorCode.NotFound, 'The walk-in registration is not found.');
    const state = await this.lookup(edition, day, holder.badgeCode);
    const done = state.kind === 'admit' ? await this.admit(edition, day, state.visitor, newId !== null, input.staffId) : state;
    return { ok: true, attendeeId: holder.id, badge: holder.badgeCode, registeredBefore: newId === null, state: done };
  }

  /** The counts as CSV: UTF-8 with a BOM, CRLF lines (breakdown, day, key, check_ins). */
  async countsCsv(code: string): Promise<{ filename: string; body: string }> {
    const edition = await this.fairs.getEdition(code);
    const rows = await this.directory.checkInCounts(edition.id);
    const lines = [['breakdown', 'day', 'key', 'check_ins'], ...checkInCsvRows(rows, editionDays(edition.startsOn, edition.endsOn))];
    return { filename: `check-ins-${edition.code}.csv`, body: `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n` };
  }

  private async deskOf(edition: FairEdition, explicitDay: string | undefined, now: Date): Promise<CheckInDesk> {
    const { day, today, dayGiven } = dayOf(explicitDay, now);
    const days = editionDays(edition.startsOn, edition.endsOn);
    const counts = aggregateCheckIns(await this.directory.checkInCounts(edition.id), days);
    return { edition: consoleEdition(edition), day, today, dayGiven, counts };
  }

  private async lookup(edition: FairEdition, day: string, typed: string): Promise<Exclude<CheckInState, { kind: 'checkedIn' }>> {
    const badge = normalizeBadgeCode(typed);
    if (!badge) return { kind: 'refused', reason: 'invalidCode' };
    const holders = await this.checkIns.holdersOfBadge(badge);
    const mine = holders.find((h) => h.editionId === edition.id);
    const existing = mine ? await this.checkIns.checkInOf(mine.id, day) : null;
    const decision = decideCheckIn({ editionId: edition.id, editionDays: editionDays(edition.startsOn, edition.endsOn), day, holders, existing });
    if (decision.kind === 'refused') return { kind: 'refused', reason: decision.reason, visitor: decision.holder };
    if (decision.kind === 'already') return { kind: 'already', visitor: decision.holder, at: decision.at };
    return { kind: 'admit', visitor: decision.holder };
  }

  private async admit(edition: FairEdition, day: string, visitor: CheckInVisitor, walkIn: boolean, staffId: string | null): Promise<CheckInState> {
    const inserted = await this.checkIns.insertFirstCheckIn({ editionId: edition.id, attendeeId: visitor.id, day, walkIn, checkedInBy: staffId });
    if (inserted) return { kind: 'checkedIn', visitor, at: inserted.checkedInAt };
    // Another tap (another phone) was first: its time is the one that counts.
    const existing = await this.checkIns.checkInOf(visitor.id, day);
    return existing ? { kind: 'already', visitor, at: existing.checkedInAt } : { kind: 'refused', reason: 'unknown', visitor };
  }
}
