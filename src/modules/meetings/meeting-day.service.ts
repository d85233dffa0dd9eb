import { participantCompanyName } from './domain/participant-company';
import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../core/config/app-config';
import { TransactionRunner, type TransactionContext } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { DEFAULT_TIME_ZONE, toLocal } from '../../core/time/zoned-time';
import { editionName, editionNameOrCode } from '../fairs/domain/edition-name';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { FairsService } from '../fairs/fairs.service';
import { ProgrammeEvents } from '../fairs/programme-events';
import {
  dayOverview, decideRecord, participantChangeDeadline, participantChangeRefusal, type ChangeRefusal, type DayChoice, type RecordRefusal, type TableDayCounts,
} from './domain/meeting-day';
import { MeetingChangeRequest, type ChangeKind } from './entities/meeting-change-request.entity';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingRequest } from './entities/meeting-request.entity';
import { Meeting, MeetingSeat, type MeetingOutcome, type MeetingStatus } from './entities/meeting.entity';
import { meetingChangeMail, type MeetingChangeParams } from './mail/meeting-change.mail';
import { MeetingsRepository } from './meetings.repository';
import { ParticipantLinks } from './participant-links';
import { addressOfSender } from '../../core/mail/email-address';

const ZONE = DEFAULT_TIME_ZONE;

export interface DayEditionRef {
  code: string;
  nameKo: string;
  nameEn: string;
}

export interface DayCompany {
  name: string;
  country: string;
}

/** One meeting of a table's day as the table host's page shows it; times are ISO instants. */
export interface TableDayMeeting {
  id: string;
  start: string;
  end: string;
  buyer: DayCompany;
  exhibitor: DayCompany;
  interpreter: string | null;
  status: MeetingStatus;
  outcome: MeetingOutcome | null;
  /** Why nothing can be recorded for it now (not started, day over, …), or undefined when the buttons work. */
  closed?: RecordRefusal;
}

export interface TableDayModel {
  edition: DayEditionRef;
  table: string;
  /** The local day shown (YYYY-MM-DD), or null when the table has no meetings at all. */
  day: string | null;
  /** Every local day with meetings at this table, in order. */
  days: string[];
  meetings: TableDayMeeting[];
}

/** What the grid shows of the fair day: the overview per table, outcomes, participants' cancellations and pending move requests. */
export interface GridDay {
  /** Per meeting day (local YYYY-MM-DD, in order): the counts per table. */
  overview: Array<{ day: string; rows: TableDayCounts[] }>;
  outcomes: Record<string, MeetingOutcome>;
  cancellations: Array<{ meetingId: string; by: DayCompany; side: 'buyer' | 'exhibitor'; at: string; note: string | null; start: string; end: string; table: string; buyer: string; exhibitor: string }>;
  moveRequests: Array<{ meetingId: string; by: DayCompany; side: 'buyer' | 'exhibitor'; at: string; note: string | null }>;
}

/** Per meeting of a participant's agenda: until when it may still cancel or ask to move, and its pending move note. */
export interface ParticipantDay {
  changeUntil: Record<string, { until: string; open: boolean }>;
  pendingMoves: Record<string, string>;
}

export type RecordResult = 'recorded' | 'same' | 'cancelled';

/**
 * The fair day of the export meetings: table hosts (organizers in the console, or the holder of a
 * table's private link) record each meeting's outcome — held, who did not come, or cancelled — and
 * participants cancel or ask to move a published meeting from their own page up to the cut-off.
 *
 * Every write locks the meeting's row first (SELECT … FOR UPDATE), so two hosts tapping at once
 * queue: the later tap decides on what the earlier one wrote (last writer wins between outcomes; an
 * outcome after a cancellation is refused, since a cancelled meeting takes none).
 *
 * The day's writes are not refused while the schedule is frozen: the freeze guards the printed
 * agendas against the organizers' reshuffles, and the day's record and the participants'
 * cancellations before the cut-off are not reshuffles.
 */
@Injectable()
export class MeetingDayService {
  /** The service's clock; tests set their own instead of waiting. */
  clock: () => Date = () => new Date();

  constructor(
    private readonly config: AppConfig,
    private readonly fairs: FairsService,
    private readonly meetings: MeetingsRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly links: ParticipantLinks,
    private readonly programmeEvents: ProgrammeEvents,
  ) {}

  // ---------------------------------------------------------------- the table host's private link

  /** The unguessable key of a table's private link: HMAC of the edition and the table under the app secret. */
  hostKey(editionId: string, table: string): string {
    return createHmac('sha256', this.config.appSecret).update(`table-host:${editionId}:${table}`).digest('base64url').slice(0, 32);
  }

  hostPath(edition: { id: string; code: string }, table: string): string {
    return `/meetings/table-host/${encodeURIComponent(edition.code)}/${encodeURIComponent(table)}/${this.hostKey(edition.id, table)}`;
  }

  /** The edition a table's private link opens; NotFound for a key we did not make or a table that does not exist. */
  async verifyHost(code: string, table: string, key: string): Promise<FairEdition> {
    const edition = await this.fairs.getEdition(code).catch(() => undefined);
    const expected = edition ? Buffer.from(this.hostKey(edition.id, table)) : undefined;
    const given = Buffer.from(key);
    if (!edition || !expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new DomainError(ErrorCode.NotFound, 'This link is not valid.');
    }
    await this.requireTable(edition, table);
    return edition;
  }

  /** A table's day behind its private link (NotFound for a forged key). */
  async hostDay(code: string, table: string, key: string, day?: string): Promise<TableDayModel> {
    return this.tableDayOf(await this.verifyHost(code, table, key), table, day);
  }

  /** Records an outcome behind a table's private link: as an organizer's, with no account named. */
  async hostRecord(code: string, table: string, key: string, meetingId: string, choice: DayChoice): Promise<RecordResult> {
    return this.recordFor(await this.verifyHost(code, table, key), table, meetingId, choice, null);
  }

  // ---------------------------------------------------------------- a table's day

  /** A table's meetings of one local day (`day`, else today when it has meetings, else the next day with meetings, else the first). */
  async tableDay(code: string, table: string, day?: string, now: Date = this.clock()): Promise<TableDayModel> {
    const edition = await this.fairs.getEdition(code);
    return this.tableDayOf(edition, table, day, now);
  }

  async tableDayOf(edition: FairEdition, table: string, day?: string, now: Date = this.clock()): Promise<TableDayModel> {
    await this.requireTable(edition, table);
    const [rows, participants, interpreters] = await Promise.all([
      this.meetings.tableMeetings(edition.id, table),
      this.meetings.participants(edition.id),
      this.meetings.interpreters(edition.id),
    ]);
    // Drafts are on nobody's agenda: the host sees published and cancelled meetings.
    const shown = rows.filter((m) => m.status !== 'scheduled');
    const localDay = (d: Date): string => toLocal(d, ZONE).date;
    const days = [...new Set(shown.map((m) => localDay(m.startsAt)))];
    const today = localDay(now);
    const chosen = day && days.includes(day) ? day : days.includes(today) ? today : (days.find((d) => d > today) ?? days[0] ?? null);
    const people = new Map(participants.map((p) => [p.id, { name: p.companyName, country: p.country }]));
    const names = new Map(interpreters.map((i) => [i.id, i.name]));
    const unknown = { name: '', country: '' };
    return {
      edition: ref(edition),
      table,
      day: chosen,
      days,
      meetings: shown
        .filter((m) => localDay(m.startsAt) === chosen)
        .map((m) => {
          const decision = m.status === 'cancelled' ? undefined : decideRecord(m, 'cancelled', now, ZONE);
          return {
            id: m.id,
            start: m.startsAt.toISOString(),
            end: m.endsAt.toISOString(),
            buyer: people.get(m.request!.buyerId) ?? unknown,
            exhibitor: people.get(m.request!.exhibitorId) ?? unknown,
            interpreter: m.interpreterId ? (names.get(m.interpreterId) ?? null) : null,
            status: m.status,
            outcome: m.outcome,
            ...(decision?.kind === 'refuse' ? { closed: decision.reason } : {}),
          };
        }),
    };
  }

  /**
   * Records what happened at a meeting of `table`: an outcome, or its cancellation. The same outcome
   * twice changes nothing ('same'); refused (409 with `reason`) before the meeting starts, after its
   * day, for an unpublished meeting and for an outcome on a cancelled one. `by` is the organizer's
   * account, or null for a table host's private link.
   */
  async record(code: string, table: string, meetingId: string, choice: DayChoice, by: string | null, now: Date = this.clock()): Promise<RecordResult> {
    const edition = await this.fairs.getEdition(code);
    return this.recordFor(edition, table, meetingId, choice, by, now);
  }

  async recordFor(edition: FairEdition, table: string, meetingId: string, choice: DayChoice, by: string | null, now: Date = this.clock()): Promise<RecordResult> {
    return this.transactions.run(async (tx) => {
      const m = await this.meetings.lockMeeting(tx.manager, edition.id, meetingId);
      if (!m || m.tableCode !== table) throw new DomainError(ErrorCode.NotFound, `No meeting ${meetingId} at table ${table} of ${edition.code}.`);
      const decision = decideRecord(m, choice, now, ZONE);
      if (decision.kind === 'refuse') throw refusal(decision.reason);
      if (decision.kind === 'same') return 'same';
      if (choice === 'cancelled') {
        const request = await tx.manager.findOneByOrFail(MeetingRequest, { id: m.requestId });
        await this.cancelInTx(tx, edition, m, request);
        return 'cancelled';
      }
      await tx.manager.update(Meeting, m.id, { outcome: choice, outcomeRecordedAt: now, outcomeRecordedBy: by });
      return 'recorded';
    });
  }

  // ---------------------------------------------------------------- the participants' changes

  /** Cancels one of the participant's published meetings before the cut-off; the other side is emailed. */
  async participantCancel(token: string, meetingId: string, note: string | null, now: Date = this.clock()): Promise<void> {
    const me = await this.resolve(token);
    const edition = await this.fairs.getEditionById(me.editionId);
    await this.transactions.run(async (tx) => {
      const { m, request } = await this.mine(tx, edition, me, meetingId, now);
      await this.cancelInTx(tx, edition, m, request);
      await this.saveChange(tx, edition, m, me, 'cancel', note, now);
      const otherId = request.buyerId === me.id ? request.exhibitorId : request.buyerId;
      const other = await tx.manager.findOneByOrFail(MeetingParticipant, { id: otherId });
      const params: MeetingChangeParams = {
        contactName: other.contactName,
        editionNameKo: editionName(edition, 'ko'),
        editionNameEn: editionName(edition, 'en'),
        counterpartCompany: participantCompanyName(other.locale, me),
        counterpartCountry: me.country,
        start: m.startsAt.toISOString(),
        end: m.endsAt.toISOString(),
        table: m.tableCode,
        note,
        pagePath: `/meetings/${this.links.token(other.id)}`,
        // cancelInTx raised the SEQUENCE by one: the CANCEL must carry the new one.
        calendar: { uid: request.id, sequence: m.sequence + 1, participantEmail: other.email, organizerEmail: addressOfSender(this.config.mailFrom) },
      };
      await this.outbox.send(tx, meetingChangeMail, { recipient: other.email, locale: other.locale, params, scopeId: edition.id });
      await this.programmeEvents.meetingsChanged(tx, edition.id, [me.email.toLowerCase(), other.email.toLowerCase()]);
    });
  }

  /** Asks the organizers to move one of the participant's published meetings, before the cut-off. Asking again replaces the note. */
  async participantRequestMove(token: string, meetingId: string, note: string | null, now: Date = this.clock()): Promise<void> {
    const me = await this.resolve(token);
    const edition = await this.fairs.getEditionById(me.editionId);
    await this.transactions.run(async (tx) => {
      const { m } = await this.mine(tx, edition, me, meetingId, now);
      const pending = await tx.manager.findOneBy(MeetingChangeRequest, { meetingId: m.id, participantId: me.id, kind: 'move', meetingSequence: m.sequence });
      if (pending) await tx.manager.update(MeetingChangeRequest, pending.id, { note });
      else await this.saveChange(tx, edition, m, me, 'move', note, now);
    });
  }

  /** For a participant's page: until when each of its meetings may change, and the moves it asked for that are still pending. */
  async participantDay(participantId: string, agenda: Array<{ meeting: string; startsAt: string }>, now: Date = this.clock()): Promise<ParticipantDay> {
    const me = await this.meetings.participantById(participantId);
    const [requests, live] = me ? await Promise.all([this.meetings.changeRequestsOf(me.id), this.meetings.liveMeetings(me.editionId)]) : [[], []];
    const sequence = new Map(live.map((m) => [m.id, m.sequence]));
    const pendingMoves: Record<string, string> = {};
    for (const r of requests) {
      if (r.kind === 'move' && sequence.get(r.meetingId) === r.meetingSequence && !(r.meetingId in pendingMoves)) pendingMoves[r.meetingId] = r.note ?? '';
    }
    const changeUntil = Object.fromEntries(
      agenda.map((a) => {
        const startsAt = new Date(a.startsAt);
        return [a.meeting, { until: participantChangeDeadline(startsAt).toISOString(), open: participantChangeRefusal({ status: 'published', startsAt }, now) === undefined }];
      }),
    );
    return { changeUntil, pendingMoves };
  }

  // ---------------------------------------------------------------- the grid

  async gridDay(edition: FairEdition, tables: string[]): Promise<GridDay> {
    const [all, requests, participants] = await Promise.all([
      this.meetings.allMeetings(edition.id),
      this.meetings.changeRequests(edition.id),
      this.meetings.participants(edition.id),
    ]);
    const people = new Map(participants.map((p) => [p.id, p]));
    const company = (id: string): DayCompany => ({ name: people.get(id)?.companyName ?? '', country: people.get(id)?.country ?? '' });
    const byId = new Map(all.map((m) => [m.id, m]));
    const outcomes: Record<string, MeetingOutcome> = {};
    for (const m of all) if (m.outcome) outcomes[m.id] = m.outcome;
    const cancellations: GridDay['cancellations'] = [];
    const moveRequests: GridDay['moveRequests'] = [];
    const seenMoves = new Set<string>();
    for (const r of requests) {
      const m = byId.get(r.meetingId);
      if (!m) continue;
      const side = people.get(r.participantId)?.side ?? 'buyer';
      const base = { meetingId: m.id, by: company(r.participantId), side, at: r.createdAt.toISOString(), note: r.note };
      if (r.kind === 'cancel') {
        cancellations.push({ ...base, start: m.startsAt.toISOString(), end: m.endsAt.toISOString(), table: m.tableCode, buyer: company(m.request!.buyerId).name, exhibitor: company(m.request!.exhibitorId).name });
      } else if (m.status !== 'cancelled' && m.sequence === r.meetingSequence && !seenMoves.has(`${m.id}|${r.participantId}`)) {
        seenMoves.add(`${m.id}|${r.participantId}`);
        moveRequests.push(base);
      }
    }
    const days = new Map<string, Meeting[]>();
    for (const m of all) {
      if (m.status === 'scheduled') continue; // drafts are on nobody's agenda
      const d = toLocal(m.startsAt, ZONE).date;
      days.set(d, [...(days.get(d) ?? []), m]);
    }
    const overview = [...days.keys()].sort().map((d) => ({ day: d, rows: dayOverview(tables, days.get(d)!.map((m) => ({ table: m.tableCode, status: m.status, outcome: m.outcome }))) }));
    return { overview, outcomes, cancellations, moveRequests };
  }

  // ---------------------------------------------------------------- inside

  /**
   * The organizers' cancel, on the fair day: the seats are freed, the request cancelled (it must not
   * come back on the next run), the outcome cleared (a cancelled meeting has none). The sequence
   * goes up for the calendars; the people concerned already know (they cancelled, were emailed, or
   * sit at the table), so no agenda update is sent for it.
   */
  private async cancelInTx(tx: TransactionContext, edition: FairEdition, m: Meeting, request: MeetingRequest): Promise<void> {
    await tx.manager.delete(MeetingSeat, { meetingId: m.id });
    await tx.manager.update(Meeting, m.id, {
      status: 'cancelled', outcome: null, outcomeRecordedAt: null, outcomeRecordedBy: null, sequence: m.sequence + 1, notifiedSequence: m.sequence + 1,
    });
    await tx.manager.update(MeetingRequest, request.id, { status: 'cancelled' });
  }

  private async saveChange(tx: TransactionContext, edition: FairEdition, m: Meeting, me: MeetingParticipant, kind: ChangeKind, note: string | null, now: Date): Promise<void> {
    await tx.manager.insert(MeetingChangeRequest, { editionId: edition.id, meetingId: m.id, participantId: me.id, kind, note, meetingSequence: m.sequence, createdAt: now });
  }

  /** The participant's own meeting, locked, if it may still change; else NotFound or a refusal with its reason. */
  private async mine(tx: TransactionContext, edition: FairEdition, me: MeetingParticipant, meetingId: string, now: Date): Promise<{ m: Meeting; request: MeetingRequest }> {
    const m = await this.meetings.lockMeeting(tx.manager, edition.id, meetingId);
    const request = m ? await tx.manager.findOneBy(MeetingRequest, { id: m.requestId }) : null;
    if (!m || !request || (request.buyerId !== me.id && request.exhibitorId !== me.id)) throw new DomainError(ErrorCode.NotFound, `No meeting ${meetingId} on your agenda.`, { reason: 'not_on_agenda' });
    const refused = participantChangeRefusal(m, now);
    if (refused) throw changeRefusal(refused);
    return { m, request };
  }

  private async resolve(token: string): Promise<MeetingParticipant> {
    const id = this.links.verify(token);
    const me = id ? await this.meetings.participantById(id) : null;
    if (!me) throw new DomainError(ErrorCode.NotFound, 'This link is not valid.');
    return me;
  }

  private async requireTable(edition: FairEdition, table: string): Promise<void> {
    const tables = await this.meetings.tables(edition.id);
    if (!tables.some((t) => t.code === table)) throw new DomainError(ErrorCode.NotFound, `No table ${table} in ${edition.code}.`);
  }
}

const ref = (e: FairEdition): DayEditionRef => ({ code: e.code, nameKo: editionNameOrCode(e, 'ko'), nameEn: editionNameOrCode(e, 'en') });

const RECORD_REFUSALS: Record<RecordRefusal, string> = {
  not_published: 'Only a published meeting can have an outcome.',
  not_started: 'The meeting has not started yet.',
  day_over: "The meeting's day is over; its outcome can no longer change.",
  cancelled: 'The meeting is cancelled; it takes no outcome.',
};

function refusal(reason: RecordRefusal): DomainError {
  return new DomainError(ErrorCode.Conflict, RECORD_REFUSALS[reason], { reason });
}

function changeRefusal(reason: ChangeRefusal): DomainError {
  return new DomainError(
    ErrorCode.Conflict,
    reason === 'cutoff' ? 'It is too late to change this meeting from your page; please contact the organizers.' : 'Only a published meeting can be changed.',
    { reason },
  );
}
