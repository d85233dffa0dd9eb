import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TransactionRunner, type TransactionContext } from '../../core/database/transaction-runner';
import { AppConfig } from '../../core/config/app-config';
import { DomainError } from '../../core/errors/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import { WebhookEvents } from '../../core/webhooks/webhook-events';
import { assertEditionOpen } from '../fairs/domain/edition-guards';
import { editionName } from '../fairs/domain/edition-name';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { FairsService } from '../fairs/fairs.service';
import { AttendeesRepository } from './attendees.repository';
import { accessTokenFor, newBadgeCode } from './domain/attendee-tokens';
import { editionDays } from './domain/edition-days';
import type { RegisterAttendeeDto, RegistrationResponse } from './dto/attendee.dto';
import type { Attendee } from './entities/attendee.entity';
import { attendeeLinkMail, type AttendeeLinkParams } from './mail/attendee-link.mail';
import { attendeeRegisteredEvent, attendeeWebhookData } from './webhook-events';

export const ATTENDEE_PAGE = '/attendee';
/** An address already registered gets its link mailed again at most this often. */
export const LINK_RESEND_MINUTES = 15;

/** The drawn badge code was taken (the only other unique key of a registration): draw again. */
class BadgeCodeTaken extends Error {}

export interface AttendeeRegistration {
  editionCode: string;
  body: RegisterAttendeeDto;
  /** Registered by staff at the entrance desk (walk-in): also while registration is closed, until the edition is finished. */
  atDesk?: boolean;
}

/**
 * Registration of visitors (trade visitors, buyers, press): the row and the email with the
 * personal link in one transaction. A second registration of the same email for the edition
 * answers like the first and mails the existing link to that address again (never to the caller),
 * at most once per LINK_RESEND_MINUTES.
 */
@Injectable()
export class AttendeesService {
  constructor(
    private readonly fairs: FairsService,
    private readonly attendees: AttendeesRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly webhooks: WebhookEvents,
  ) {}

  async register(request: AttendeeRegistration): Promise<RegistrationResponse> {
    return (await this.registerAndTell(request)).response;
  }

  /**
   * The registration as the API makes it, plus what only the registration page uses: the id of the
   * new row (its private link is derived from it), or null when the address was registered already
   * (the link went to that address; the caller is told nothing more).
   */
  async registerAndTell(request: AttendeeRegistration): Promise<{ response: RegistrationResponse; newAttendeeId: string | null }> {
    const { body } = request;
    const edition = await this.fairs.getPublicEdition(request.editionCode);
    if (!request.atDesk || edition.status !== 'registration_closed') assertEditionOpen(edition, 'Visitor registration');
    const allowed = editionDays(edition.startsOn, edition.endsOn);
    const outside = body.days.filter((d) => !allowed.includes(d));
    if (outside.length > 0) {
      throw DomainError.validation([{ field: 'days', messages: [`not days of ${edition.code}: ${outside.join(', ')}; choose from ${allowed.join(', ')}`] }]);
    }
    const email = body.email.toLowerCase();
    for (let attempt = 1; ; attempt++) {
      // The email draws the badge's QR code when it is composed, in the worker, not here.
      const badgeCode = newBadgeCode();
      try {
        return await this.transactions.run(
          async (tx) => {
            const id = randomUUID();
            const { token, hash } = accessTokenFor(this.config.appSecret, id);
            const attendee = await this.attendees.insertAttendeeUnlessTaken(tx.manager, {
              id, editionId: edition.id, name: body.name, email, company: body.company ?? null, country: body.country, kind: body.kind,
              days: [...body.days].sort(), locale: body.language, consentMessages: body.consentMessages, consentShareContact: body.consentShareContact,
              badgeCode, accessTokenHash: hash, linkSentAt: new Date(),
            });
            if (!attendee) {
              // The address is registered already (or the random badge code collided: draw again).
              if (!(await this.alreadyRegistered(tx, edition, email))) throw new BadgeCodeTaken();
              // The answer a new registration gets, stored under the Idempotency-Key like one.
              const decoy: RegistrationResponse = { id: randomUUID(), edition: edition.code, badgeCode: newBadgeCode(), status: 'unconfirmed' };
              return { response: decoy, newAttendeeId: null };
            }
            await this.sendLink(tx, edition, attendee, token, 'registered');
            await this.webhooks.emit(tx, attendeeRegisteredEvent, { scope: { id: edition.id, code: edition.code }, data: attendeeWebhookData(attendee) });
            const response: RegistrationResponse = { id: attendee.id, edition: edition.code, badgeCode: attendee.badgeCode, status: 'unconfirmed' };
            return { response, newAttendeeId: attendee.id };
          },
        );
      } catch (error) {
        if (error instanceof BadgeCodeTaken && attempt < 3) continue; // 40 random bits collided
        throw error;
      }
    }
  }

  /**
   * The address is registered already: answers false when it is not (so the conflict was another
   * key). Its existing link is mailed to it again — the same link, so nothing the visitor holds
   * stops working — at most once per LINK_RESEND_MINUTES per address, so registering again and
   * again cannot flood a mailbox. The caller then gets the answer a new registration gets (201, an
   * id and a badge code that are not the stored ones, replayed like one under an Idempotency-Key):
   * whether an address is registered is told only to that address (OWASP: account enumeration).
   *
   * A link minted before links were derived from the id (or before APP_SECRET changed) cannot be
   * recomputed: that row gets a derived link once, and the email says the previous one stopped working.
   */
  private async alreadyRegistered(tx: TransactionContext, edition: FairEdition, email: string): Promise<boolean> {
    if (!(await this.attendees.findAttendeeByEmail(tx.manager, edition.id, email))) return false;
    const existing = await this.attendees.claimLinkResend(tx.manager, edition.id, email, LINK_RESEND_MINUTES);
    if (!existing) return true; // mailed within the interval: nothing more now
    const { token, hash } = accessTokenFor(this.config.appSecret, existing.id);
    const replaced = hash !== existing.accessTokenHash;
    if (replaced) await this.attendees.replaceAccessToken(tx.manager, existing.id, hash);
    await this.sendLink(tx, edition, existing, token, replaced ? 'replaced' : 'resent');
    return true;
  }

  private async sendLink(
    tx: TransactionContext, edition: FairEdition, attendee: Attendee, token: string, reason: AttendeeLinkParams['reason'],
  ): Promise<void> {
    const params: AttendeeLinkParams = {
      name: attendee.name,
      editionNameKo: editionName(edition, 'ko'),
      editionNameEn: editionName(edition, 'en'),
      badgeCode: attendee.badgeCode,
      days: attendee.days,
      accessPath: `${ATTENDEE_PAGE}/${token}`,
      reason,
      confirmed: attendee.confirmedAt !== null,
    };
    await this.outbox.send(tx, attendeeLinkMail, { recipient: attendee.email, locale: attendee.locale, params, scopeId: edition.id });
  }
}
