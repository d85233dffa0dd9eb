import { Injectable } from '@nestjs/common';
import { PgError, pgCode } from '../../core/database/postgres-errors';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { meetingSlots } from '../fairs/domain/meeting-slots';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { FairsService } from '../fairs/fairs.service';
import { DEFAULT_TIME_ZONE, formatLocal } from '../../core/time/zoned-time';
import { parseBuyerCsv } from './domain/buyer-csv';
import { participantIdentityColumns } from './domain/participant-company';
import { suggestCounterparts } from './domain/matchmaking';
import { interpreterLanguage } from './domain/schedule-instance';
import { categoriesOfSeries } from '../fairs/product-categories';
import type {
  CreateInterpreterDto, CreateParticipantDto, CreateRequestDto, ParticipantResponse, RequestResponse, SetTablesDto, SuggestionResponse,
} from './dto/meetings.dto';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingRequest, PRIORITY_WEIGHT, type RequestStatus } from './entities/meeting-request.entity';
import { MeetingInterpreter, MeetingTable } from './entities/meeting-resources.entity';
import { MeetingsRepository } from './meetings.repository';
import { ParticipantLinks } from './participant-links';
import { RequestNoticesService } from './request-notices.service';

const ZONE = DEFAULT_TIME_ZONE;

/** Participants, tables, interpreters and meeting requests of an edition's export business meetings. */
@Injectable()
export class MeetingsService {
  /** Test-only: unlockedTables replaces an edition's tables without the lock (the race test's negative control). */
  static readonly testSwitches = { unlockedTables: false };

  constructor(
    private readonly fairs: FairsService,
    private readonly meetings: MeetingsRepository,
    private readonly transactions: TransactionRunner,
    private readonly links: ParticipantLinks,
    private readonly notices: RequestNoticesService,
  ) {}

  edition(code: string): Promise<FairEdition> {
    return this.fairs.getEdition(code);
  }

  /** The slot grid of the edition: every export-meeting session day, in order. */
  async slots(edition: FairEdition): Promise<Array<{ id: string; start: string; end: string }>> {
    const sessions = await this.fairs.meetingSessions(edition.id);
    return sessions.flatMap((s) => meetingSlots(s.day, s.startsAt.slice(0, 5), s.endsAt.slice(0, 5), s.slotMinutes, s.breaks));
  }

  async addParticipant(code: string, dto: CreateParticipantDto): Promise<ParticipantResponse> {
    const edition = await this.edition(code);
    await this.checkSlots(edition, dto.unavailableSlots ?? [], 'unavailableSlots');
    if (dto.tableCode) await this.checkTable(edition, dto.tableCode, 'tableCode');
    try {
      const saved = await this.transactions.run(async (tx) => {
        const p = await tx.manager.save(tx.manager.create(MeetingParticipant, {
          editionId: edition.id, side: dto.side, companyName: dto.companyName, ...participantIdentityColumns(dto), country: dto.country, contactName: dto.contactName,
          email: dto.email.toLowerCase(), languages: dto.languages, interests: dto.interests, purchasePlans: dto.purchasePlans ?? null,
          locale: dto.locale ?? 'en', tableCode: dto.tableCode ?? null, maxMeetings: dto.maxMeetings ?? null, unavailableSlots: dto.unavailableSlots ?? [],
        }));
        await this.links.send(tx, edition, p);
        return p;
      });
      return toParticipantResponse(saved);
    } catch (error) {
      if (pgCode(error) === PgError.UniqueViolation) throw new DomainError(ErrorCode.Conflict, `${dto.email} already takes part as ${dto.side} in ${code}.`);
      throw error;
    }
  }

  async listParticipants(code: string): Promise<ParticipantResponse[]> {
    const edition = await this.edition(code);
    return (await this.meetings.participants(edition.id)).map(toParticipantResponse);
  }

  /** Counterparts of the other side ranked by shared interests and languages, with the reason. */
  async suggestions(code: string, participantId: string, limit: number): Promise<SuggestionResponse[]> {
    const edition = await this.edition(code);
    const [participants, requests] = await Promise.all([this.meetings.participants(edition.id), this.meetings.requests(edition.id)]);
    const me = participants.find((p) => p.id === participantId);
    if (!me) throw new DomainError(ErrorCode.NotFound, `No participant ${participantId} in ${code}.`);
    // Already requested, accepted or declined pairs are not suggested again.
    const exclude = new Set(
      requests.filter((r) => r.buyerId === me.id || r.exhibitorId === me.id).map((r) => (r.buyerId === me.id ? r.exhibitorId : r.buyerId)),
    );
    const asMatch = (p: MeetingParticipant) => ({
      id: p.id, side: p.side, companyName: p.companyName, country: p.country, languages: p.languages, interests: p.interests, purchasePlans: p.purchasePlans ?? undefined,
    });
    return suggestCounterparts(asMatch(me), participants.map(asMatch), { exclude, limit, categories: categoriesOfSeries(edition.series?.code ?? '') }).map((s) => ({
      participant: s.participant.id,
      companyName: s.participant.companyName,
      country: s.participant.country,
      score: Math.round(s.score * 1000) / 1000,
      sharedInterests: s.sharedInterests,
      commonLanguages: s.commonLanguages,
      reason: s.reason,
    }));
  }

  /**
   * Imports buyers from a CSV file, all or nothing: any invalid line, or an email already
   * registered, refuses the whole file with one error per line.
   */
  async importBuyers(code: string, csv: string): Promise<{ imported: number }> {
    const edition = await this.edition(code);
    const { rows, errors } = parseBuyerCsv(csv, categoriesOfSeries(edition.series?.code ?? '').map((c) => c.code));
    const existing = new Set((await this.meetings.participants(edition.id)).filter((p) => p.side === 'buyer').map((p) => p.email));
    for (const row of rows) {
      if (existing.has(row.email.toLowerCase())) errors.push({ line: row.line, field: 'email', message: `${row.email} is already a buyer of ${code}` });
    }
    if (errors.length > 0) {
      throw DomainError.validation(errors.sort((a, b) => a.line - b.line).map((e) => ({ field: `line ${e.line}${e.field ? `.${e.field}` : ''}`, messages: [e.message] })));
    }
    await this.transactions.run(async (tx) => {
      if (rows.length === 0) return;
      const saved = await tx.manager.save(
        MeetingParticipant,
        rows.map((r) => tx.manager.create(MeetingParticipant, {
          editionId: edition.id, side: 'buyer' as const, companyName: r.company, alternateCompanyName: r.alternateCompany ?? null,
          identifierKind: r.identifierKind ?? null, identifier: r.identifier ?? null, country: r.country, contactName: r.contactName, email: r.email.toLowerCase(),
          languages: r.languages, interests: r.interests, purchasePlans: r.purchasePlans ?? null, locale: 'en' as const, unavailableSlots: [],
        })),
      );
      // Every imported buyer gets its private link, in the import's transaction.
      for (const p of saved) await this.links.send(tx, edition, p);
    });
    return { imported: rows.length };
  }

  /** The slots a participant is away, replacing the previous list; the next run takes them into account. */
  async setAvailability(code: string, participantId: string, unavailableSlots: string[]): Promise<ParticipantResponse> {
    const edition = await this.edition(code);
    await this.checkSlots(edition, unavailableSlots, 'unavailableSlots');
    const p = await this.meetings.participant(edition.id, participantId);
    if (!p) throw new DomainError(ErrorCode.NotFound, `No participant ${participantId} in ${code}.`);
    p.unavailableSlots = [...new Set(unavailableSlots)];
    return toParticipantResponse(await this.transactions.run(({ manager }) => manager.save(p)));
  }

  /** How long requests between participants wait for an answer, set by the organizer. */
  async setRequestExpiry(code: string, hours: number): Promise<{ requestExpiryHours: number }> {
    const edition = await this.edition(code);
    await this.meetings.setRequestExpiryHours(edition.id, hours);
    return { requestExpiryHours: hours };
  }

  /**
   * Replaces the edition's table list. Two replacements at once would each delete the old list and
   * insert theirs, and the second insert would hit the first's rows (unique code per edition: a 500);
   * a transaction lock on the edition's list makes them take turns, and the last one's list stands.
   */
  async setTables(code: string, dto: SetTablesDto): Promise<string[]> {
    const edition = await this.edition(code);
    await this.transactions.run(async ({ manager }) => {
      if (!MeetingsService.testSwitches.unlockedTables) await manager.query(`SELECT pg_advisory_xact_lock(hashtext('meetings.tables:' || $1))`, [edition.id]);
      await manager.delete(MeetingTable, { editionId: edition.id });
      if (dto.codes.length > 0) await manager.insert(MeetingTable, dto.codes.map((c) => ({ editionId: edition.id, code: c })));
    });
    return dto.codes;
  }

  async addInterpreter(code: string, dto: CreateInterpreterDto): Promise<{ id: string; name: string; languages: string[] }> {
    const edition = await this.edition(code);
    await this.checkSlots(edition, dto.unavailableSlots ?? [], 'unavailableSlots');
    const saved = await this.transactions.run(({ manager }) =>
      manager.save(manager.create(MeetingInterpreter, { editionId: edition.id, name: dto.name, languages: dto.languages, unavailableSlots: dto.unavailableSlots ?? [] })),
    );
    return { id: saved.id, name: saved.name, languages: saved.languages };
  }

  /**
   * A request between a buyer and an exhibitor of the edition. An organizer's request is accepted
   * at once (organizers add meetings); one side's request waits for the other side's answer.
   */
  async createRequest(code: string, dto: CreateRequestDto): Promise<RequestResponse> {
    const edition = await this.edition(code);
    const [buyer, exhibitor] = await Promise.all([this.meetings.participant(edition.id, dto.buyer), this.meetings.participant(edition.id, dto.exhibitor)]);
    if (!buyer || buyer.side !== 'buyer') throw DomainError.validation([{ field: 'buyer', messages: ['not a buyer of this edition'] }]);
    if (!exhibitor || exhibitor.side !== 'exhibitor') throw DomainError.validation([{ field: 'exhibitor', messages: ['not an exhibitor of this edition'] }]);
    const accepted = dto.requestedBy === 'organizer';
    const expiryHours = dto.expiresInHours ?? (await this.meetings.requestExpiryHours(edition.id));
    try {
      const saved = await this.transactions.run(async ({ manager }) => {
        const r = await manager.save(manager.create(MeetingRequest, {
          editionId: edition.id, buyerId: buyer.id, exhibitorId: exhibitor.id, requestedBy: dto.requestedBy, priority: dto.priority,
          language: interpreterLanguage(buyer.languages, exhibitor.languages), status: accepted ? 'accepted' : 'pending',
          expiresAt: accepted ? null : new Date(Date.now() + expiryHours * 3600_000), respondedAt: accepted ? new Date() : null,
          lockedSlotId: null, lockedTableCode: null,
        }));
        await this.notices.created(manager, r);
        return r;
      });
      return toRequestResponse(saved);
    } catch (error) {
      if (pgCode(error) === PgError.UniqueViolation) {
        throw new DomainError(ErrorCode.Conflict, `${buyer.companyName} and ${exhibitor.companyName} already have a pending or accepted request.`);
      }
      throw error;
    }
  }

  async listRequests(code: string): Promise<RequestResponse[]> {
    const edition = await this.edition(code);
    return (await this.meetings.requests(edition.id)).map(toRequestResponse);
  }

  /** The other side's answer. A request past its expiry can no longer be answered. */
  async answer(code: string, id: string, answer: 'accepted' | 'declined'): Promise<RequestResponse> {
    const edition = await this.edition(code);
    const result = await this.transactions.run(async ({ manager }) => {
      const r = await this.meetings.lockRequest(manager, edition.id, id);
      if (!r) throw new DomainError(ErrorCode.NotFound, `No meeting request ${id} in ${code}.`);
      if (effectiveStatus(r) === 'expired' && r.status === 'pending') {
        r.status = 'expired';
        await manager.save(r);
        await this.notices.changed(manager, r, 'expired');
        return r;
      }
      if (r.status !== 'pending') return r;
      r.status = answer;
      r.respondedAt = new Date();
      await manager.save(r);
      await this.notices.changed(manager, r, answer);
      return r;
    });
    if (result.status !== answer) {
      throw new DomainError(ErrorCode.IllegalTransition, `Request ${id} is ${result.status} and can no longer be ${answer}.`, { requestStatus: result.status });
    }
    return toRequestResponse(result);
  }

  async checkSlots(edition: FairEdition, slotIds: string[], field: string): Promise<void> {
    if (slotIds.length === 0) return;
    const known = new Set((await this.slots(edition)).map((s) => s.id));
    const unknown = slotIds.filter((s) => !known.has(s));
    if (unknown.length > 0) {
      throw DomainError.validation([{ field, messages: [`not slots of ${edition.code}'s meeting sessions: ${unknown.join(', ')}`] }]);
    }
  }

  async checkTable(edition: FairEdition, table: string, field: string): Promise<void> {
    const tables = await this.meetings.tables(edition.id);
    if (!tables.some((t) => t.code === table)) throw DomainError.validation([{ field, messages: [`no table ${table}; set the tables first`] }]);
  }
}

/** A pending request past its expiry reads as expired before anything writes it. */
export function effectiveStatus(r: Pick<MeetingRequest, 'status' | 'expiresAt'>, now = new Date()): RequestStatus {
  return r.status === 'pending' && r.expiresAt !== null && r.expiresAt <= now ? 'expired' : r.status;
}

export function toParticipantResponse(p: MeetingParticipant): ParticipantResponse {
  return {
    id: p.id, side: p.side, companyName: p.companyName, alternateCompanyName: p.alternateCompanyName, country: p.country,
    identifierKind: p.identifierKind, identifier: p.identifier, contactName: p.contactName, email: p.email,
    languages: p.languages, interests: p.interests, tableCode: p.tableCode, maxMeetings: p.maxMeetings, unavailableSlots: p.unavailableSlots,
  };
}

export function toRequestResponse(r: MeetingRequest): RequestResponse {
  return {
    id: r.id, buyer: r.buyerId, exhibitor: r.exhibitorId, priority: r.priority, weight: PRIORITY_WEIGHT[r.priority], requestedBy: r.requestedBy,
    status: effectiveStatus(r), language: r.language, expiresAt: r.expiresAt ? formatLocal(r.expiresAt, ZONE) : null,
    locked: r.lockedSlotId && r.lockedTableCode ? { slot: r.lockedSlotId, table: r.lockedTableCode } : null,
  };
}
