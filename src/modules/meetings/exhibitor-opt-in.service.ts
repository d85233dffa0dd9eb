import { Injectable } from '@nestjs/common';
import type { Principal } from '../../core/auth/principal';
import { PgError, pgCode, pgConstraint } from '../../core/database/postgres-errors';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import type { CompanyApplicationRow } from '../exhibitors/exhibitors-directory';
import { ExhibitorsDirectory } from '../exhibitors/exhibitors-directory';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { FairsService } from '../fairs/fairs.service';
import { applicationFor, awaySlots, EMAIL_TAKEN, mayOptIn, mayOptOut, type Decision, type OptInRefusal, type OptOutRefusal } from './domain/exhibitor-opt-in';
import { MeetingParticipant } from './entities/meeting-participant.entity';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';
import { ParticipantLinks } from './participant-links';

/** What an exhibitor fills in to join an edition's meetings (already checked by the page's form). */
export interface OptInInput {
  contactName: string;
  email: string;
  languages: string[];
  interests: string[];
  /** Meeting days (YYYY-MM-DD) the exhibitor can attend. */
  days: string[];
  locale: 'ko' | 'en';
}

/** An exhibitor company's standing at one edition's meetings. */
export interface OptInState {
  edition: FairEdition;
  companyId: string;
  application: CompanyApplicationRow | undefined;
  /** Meeting slots of the edition, in order. */
  slots: Array<{ id: string; start: string; end: string }>;
  participant: MeetingParticipant | null;
  /** The participant's private page token, when it takes part. */
  token: string | undefined;
  published: boolean;
  optIn: Decision<OptInRefusal>;
  optOut: Decision<OptOutRefusal>;
}

/** Thrown when the company may not opt in or out: the page says the reason. */
export class OptInRefused extends DomainError {
  constructor(
    readonly reason: OptInRefusal | OptOutRefusal,
    applicationStatus?: string,
  ) {
    super(reason === 'noApplication' || reason === 'notApproved' ? ErrorCode.Forbidden : ErrorCode.Conflict, `Export meetings: ${reason}.`, { reason, applicationStatus });
  }
}

/**
 * Exhibitors joining an edition's export meetings themselves, from their account: an approved
 * application (read through ExhibitorsDirectory, the exhibitors' read API) lets the company opt in
 * once per edition — the unique key meeting_participants_edition_company_key holds for concurrent
 * submits — which creates an exhibitor-side participant with the private page link buyers have
 * (sent by email, so the request digests reach the contact). It may opt out until the schedule is
 * published.
 */
@Injectable()
export class ExhibitorOptInService {
  constructor(
    private readonly exhibitors: ExhibitorsDirectory,
    private readonly fairs: FairsService,
    private readonly meetingsService: MeetingsService,
    private readonly meetings: MeetingsRepository,
    private readonly links: ParticipantLinks,
    private readonly transactions: TransactionRunner,
  ) {}

  async companyOf(principal: Principal): Promise<string> {
    const companyId = await this.exhibitors.companyOfAccount(principal.accountId);
    if (!companyId) throw new DomainError(ErrorCode.Forbidden, 'This account belongs to no company.');
    return companyId;
  }

  /** Every edition the company applied to whose meetings have days, with its standing; newest application first. */
  async overview(principal: Principal): Promise<OptInState[]> {
    const companyId = await this.companyOf(principal);
    const [applications, joined] = await Promise.all([this.exhibitors.applicationsOfCompany(companyId), this.meetings.participantsOfCompany(companyId)]);
    const editionIds = [...new Set([...applications.map((a) => a.editionId), ...joined.map((p) => p.editionId)])];
    const states = await Promise.all(editionIds.map(async (id) => this.stateOf(await this.fairs.getEditionById(id), companyId, applications)));
    return states.filter((s) => s.slots.length > 0 || s.participant);
  }

  /** The company's standing at one edition (404 for an unknown edition). */
  async state(principal: Principal, code: string): Promise<OptInState> {
    const companyId = await this.companyOf(principal);
    const edition = await this.fairs.getEdition(code);
    return this.stateOf(edition, companyId, await this.exhibitors.applicationsOfCompany(companyId));
  }

  /**
   * Joins the edition's meetings once: a second (or concurrent) opt-in answers the participant the
   * first created, with no second email. Refused with the reason when the company may not.
   */
  async optIn(principal: Principal, code: string, input: OptInInput): Promise<{ participantId: string; created: boolean }> {
    const state = await this.state(principal, code);
    if (state.participant) return { participantId: state.participant.id, created: false };
    if (!state.optIn.may) throw new OptInRefused(state.optIn.reason, state.application?.status);
    const application = state.application!;
    const unavailableSlots = awaySlots(state.slots, input.days);
    try {
      const saved = await this.transactions.run(async (tx) => {
        const p = await tx.manager.save(tx.manager.create(MeetingParticipant, {
          editionId: state.edition.id, side: 'exhibitor', companyName: application.companyName, country: application.country,
          contactName: input.contactName, email: input.email.toLowerCase(), languages: input.languages, interests: input.interests, purchasePlans: null,
          locale: input.locale, tableCode: null, maxMeetings: null, unavailableSlots, companyId: state.companyId, applicationId: application.applicationId,
        }));
        await this.links.send(tx, state.edition, p);
        return p;
      });
      return { participantId: saved.id, created: true };
    } catch (error) {
      if (pgCode(error) !== PgError.UniqueViolation) throw error;
      // A concurrent opt-in of the same company won (its insert may collide on the company key or,
      // first, on the email key): answer its participant.
      const winner = await this.meetings.participantOfCompany(state.edition.id, state.companyId);
      if (winner) return { participantId: winner.id, created: false };
      if (pgConstraint(error) !== 'meeting_participants_edition_side_email_key') throw error;
      throw DomainError.validation([{ field: 'email', messages: [EMAIL_TAKEN] }]);
    }
  }

  /** Leaves the edition's meetings (its requests go with it); refused once the schedule is published. */
  async optOut(principal: Principal, code: string): Promise<void> {
    const companyId = await this.companyOf(principal);
    const edition = await this.fairs.getEdition(code);
    await this.transactions.run(async ({ manager }) => {
      const p = await this.meetings.participantOfCompany(edition.id, companyId, manager);
      const decision = mayOptOut({ selfRegistered: p !== null, published: await this.meetings.hasPublishedMeetings(edition.id, manager) });
      if (!decision.may) throw new OptInRefused(decision.reason);
      await manager.delete(MeetingParticipant, { id: p!.id });
    });
  }

  private async stateOf(edition: FairEdition, companyId: string, applications: CompanyApplicationRow[]): Promise<OptInState> {
    const [slots, participant, published] = await Promise.all([
      this.meetingsService.slots(edition),
      this.meetings.participantOfCompany(edition.id, companyId),
      this.meetings.hasPublishedMeetings(edition.id),
    ]);
    const application = applicationFor(applications, edition.id);
    const meetingDays = new Set(slots.map((s) => s.start.slice(0, 10))).size;
    return {
      edition, companyId, application, slots, participant, published,
      token: participant ? this.links.token(participant.id) : undefined,
      optIn: mayOptIn({ applicationStatus: application?.status, meetingDays, alreadyIn: participant !== null, published }),
      optOut: mayOptOut({ selfRegistered: participant !== null, published }),
    };
  }
}
