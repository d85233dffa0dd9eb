import { participantIdentityColumns } from './domain/participant-company';
import { Injectable } from '@nestjs/common';
import { PgError, pgCode } from '../../core/database/postgres-errors';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { assertEditionOpen } from '../fairs/domain/edition-guards';
import { FairsService } from '../fairs/fairs.service';
import type { AvailabilityDto, OwnRequestDto, RegisterBuyerDto, RequestResponse } from './dto/meetings.dto';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingsRepository } from './meetings.repository';
import { ParticipantLinks } from './participant-links';
import { effectiveStatus, MeetingsService, toParticipantResponse, toRequestResponse } from './meetings.service';
import { SchedulingService } from './scheduling.service';

/**
 * What buyers and exhibitors do themselves, through a private link (no password): register
 * (buyers), say when they are away, request meetings, answer the requests they receive.
 * The link comes from ParticipantLinks and is sent only by email.
 */
@Injectable()
export class ParticipantAccessService {
  constructor(
    private readonly links: ParticipantLinks,
    private readonly meetingsService: MeetingsService,
    private readonly meetings: MeetingsRepository,
    private readonly scheduling: SchedulingService,
    private readonly transactions: TransactionRunner,
    private readonly fairs: FairsService,
  ) {}

  async registerBuyer(code: string, dto: RegisterBuyerDto): Promise<{ id: string; status: 'registered' }> {
    const edition = await this.meetingsService.edition(code);
    assertEditionOpen(edition, 'Registration');
    await this.meetingsService.checkSlots(edition, dto.unavailableSlots ?? [], 'unavailableSlots');
    try {
      const saved = await this.transactions.run(async (tx) => {
        const p = await tx.manager.save(tx.manager.create(MeetingParticipant, {
          editionId: edition.id, side: 'buyer', companyName: dto.companyName, ...participantIdentityColumns(dto), country: dto.country, contactName: dto.contactName,
          email: dto.email.toLowerCase(), languages: dto.languages, interests: dto.interests, purchasePlans: dto.purchasePlans ?? null,
          locale: dto.locale ?? 'en', tableCode: null, maxMeetings: null, unavailableSlots: dto.unavailableSlots ?? [],
        }));
        await this.links.send(tx, edition, p);
        return p;
      });
      return { id: saved.id, status: 'registered' };
    } catch (error) {
      if (pgCode(error) === PgError.UniqueViolation) throw new DomainError(ErrorCode.Conflict, `${dto.email} is already registered as a buyer for ${code}.`);
      throw error;
    }
  }

  /** The participant's page: itself, its slots, published agenda, requests both ways and suggestions. */
  async overview(token: string) {
    const me = await this.resolve(token);
    const edition = await this.fairs.getEditionById(me.editionId);
    const [slots, requests, agenda, suggestions] = await Promise.all([
      this.meetingsService.slots(edition),
      this.meetings.requests(edition.id),
      this.scheduling.agenda(edition.code, me.id),
      this.meetingsService.suggestions(edition.code, me.id, 5),
    ]);
    const mine = requests.filter((r) => r.buyerId === me.id || r.exhibitorId === me.id);
    return {
      participant: toParticipantResponse(me),
      edition: edition.code,
      slots,
      // Participants see only what is published, never the organizer's drafts.
      agenda: agenda.meetings.filter((m) => m.status === 'published'),
      incoming: mine.filter((r) => r.requestedBy !== me.side && r.requestedBy !== 'organizer').map(toRequestResponse),
      outgoing: mine.filter((r) => r.requestedBy === me.side).map(toRequestResponse),
      suggestions,
    };
  }

  async setAvailability(token: string, dto: AvailabilityDto): Promise<{ unavailableSlots: string[] }> {
    const me = await this.resolve(token);
    const edition = await this.fairs.getEditionById(me.editionId);
    const known = new Set((await this.meetingsService.slots(edition)).map((s) => s.id));
    const unknown = dto.unavailableSlots.filter((s) => !known.has(s));
    if (unknown.length > 0) throw DomainError.validation([{ field: 'unavailableSlots', messages: [`not slots of ${edition.code}: ${unknown.join(', ')}`] }]);
    await this.transactions.run(({ manager }) => manager.update(MeetingParticipant, me.id, { unavailableSlots: dto.unavailableSlots }));
    return { unavailableSlots: dto.unavailableSlots };
  }

  async request(token: string, dto: OwnRequestDto): Promise<RequestResponse> {
    const me = await this.resolve(token);
    const edition = await this.fairs.getEditionById(me.editionId);
    const other = await this.meetings.participant(edition.id, dto.counterpart);
    if (!other || other.side === me.side) throw DomainError.validation([{ field: 'counterpart', messages: ['not a participant of the other side of this edition'] }]);
    return this.meetingsService.createRequest(edition.code, {
      buyer: me.side === 'buyer' ? me.id : other.id,
      exhibitor: me.side === 'exhibitor' ? me.id : other.id,
      priority: dto.priority,
      requestedBy: me.side,
    });
  }

  /** Only the side that was asked may answer; any other request is not found for this participant. */
  async answer(token: string, requestId: string, answer: 'accepted' | 'declined'): Promise<RequestResponse> {
    const me = await this.resolve(token);
    const edition = await this.fairs.getEditionById(me.editionId);
    const request = (await this.meetings.requests(edition.id)).find((r) => r.id === requestId);
    if (!request || (request.buyerId !== me.id && request.exhibitorId !== me.id) || request.requestedBy === me.side || request.requestedBy === 'organizer') {
      throw new DomainError(ErrorCode.NotFound, `No request ${requestId} waiting for your answer.`);
    }
    if (effectiveStatus(request) !== 'pending' && request.status === answer) return toRequestResponse(request);
    return this.meetingsService.answer(edition.code, requestId, answer);
  }

  private async resolve(token: string): Promise<MeetingParticipant> {
    const id = this.links.verify(token);
    const me = id ? await this.meetings.participantById(id) : null;
    if (!me) throw new DomainError(ErrorCode.NotFound, 'This link is not valid.');
    return me;
  }
}
