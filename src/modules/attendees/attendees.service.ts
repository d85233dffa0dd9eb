import { Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { PgError, pgCode, pgConstraint } from '../../core/database/postgres-errors';
import { TransactionRunner, type TransactionContext } from '../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { OutboxService } from '../../core/outbox/outbox.service';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import { FairsService } from '../fairs/fairs.service';
import { AttendeesRepository } from './attendees.repository';
import { newAccessToken, newBadgeCode } from './domain/attendee-tokens';
import { editionDays } from './domain/edition-days';
import type { RegisterAttendeeDto, RegistrationResponse } from './dto/attendee.dto';
import type { Attendee } from './entities/attendee.entity';
import { attendeeLinkMail, type AttendeeLinkParams } from './mail/attendee-link.mail';

export const ATTENDEE_PAGE = '/attendee';
const UNIQUE_EMAIL = 'attendees_edition_email_key';
const UNIQUE_BADGE = 'attendees_edition_badge_key';

export interface AttendeeRegistration {
  editionCode: string;
  body: RegisterAttendeeDto;
}

/**
 * Registration of visitors (trade visitors, buyers, press): the row and the email with the
 * personal link in one transaction. A second registration of the same email for the edition
 * answers 409 and sends a fresh link to that address (never to the caller).
 */
@Injectable()
export class AttendeesService {
  constructor(
    private readonly fairs: FairsService,
    private readonly attendees: AttendeesRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
  ) {}

  async register(request: AttendeeRegistration): Promise<RegistrationResponse> {
    const { body } = request;
    const edition = await this.fairs.getPublicEdition(request.editionCode);
    if (edition.status !== 'registration_open') {
      throw new DomainError(ErrorCode.EditionNotOpen, `Visitor registration for ${edition.code} is not open (status: ${edition.status}).`);
    }
    const allowed = editionDays(edition.startsOn, edition.endsOn);
    const outside = body.days.filter((d) => !allowed.includes(d));
    if (outside.length > 0) {
      throw DomainError.validation([{ field: 'days', messages: [`not days of ${edition.code}: ${outside.join(', ')}; choose from ${allowed.join(', ')}`] }]);
    }
    const email = body.email.toLowerCase();
    for (let attempt = 1; ; attempt++) {
      // Drawn (and drawn as a QR image) before the transaction: CPU work holds no pooled connection.
      const badgeCode = newBadgeCode();
      const qrPng = await badgeQrPng(badgeCode);
      try {
        return await this.transactions.run(
          async (tx) => {
            const { token, hash } = newAccessToken();
            const attendee = await this.attendees.insertAttendee(tx.manager, {
              editionId: edition.id, name: body.name, email, company: body.company ?? null, country: body.country, kind: body.kind,
              days: [...body.days].sort(), locale: body.language, consentMessages: body.consentMessages, consentShareContact: body.consentShareContact,
              badgeCode, accessTokenHash: hash, linkSentAt: new Date(),
            });
            await this.sendLink(tx, edition, attendee, token, 'registered', qrPng);
            const response: RegistrationResponse = { id: attendee.id, edition: edition.code, badgeCode: attendee.badgeCode, status: 'unconfirmed' };
            return response;
          },
        );
      } catch (error) {
        if (pgCode(error) !== PgError.UniqueViolation) throw error;
        if (pgConstraint(error) === UNIQUE_BADGE && attempt < 3) continue; // 40 random bits collided: draw again
        if (pgConstraint(error) === UNIQUE_EMAIL) await this.resendLink(edition, email);
        throw error;
      }
    }
  }

  /** The address is registered already: a new link to it (the old one stops working), then 409. */
  private async resendLink(edition: FairEdition, email: string): Promise<never> {
    await this.transactions.run(async (tx) => {
      const existing = await this.attendees.findAttendeeByEmail(tx.manager, edition.id, email);
      if (!existing) return;
      const { token, hash } = newAccessToken();
      await this.attendees.replaceAccessToken(tx.manager, existing.id, hash);
      await this.sendLink(tx, edition, existing, token, 'resent', await badgeQrPng(existing.badgeCode));
    });
    throw new DomainError(ErrorCode.Conflict, `${email} is already registered for ${edition.code}; its personal link was sent to it again.`, {
      reason: 'already_registered',
      linkResent: true,
    });
  }

  private async sendLink(
    tx: TransactionContext, edition: FairEdition, attendee: Attendee, token: string, reason: AttendeeLinkParams['reason'], qrPng: string,
  ): Promise<void> {
    const params: AttendeeLinkParams = {
      name: attendee.name,
      editionNameKo: `${edition.year} ${edition.series?.nameKo ?? ''}`.trim(),
      editionNameEn: `${edition.year} ${edition.series?.nameEn ?? ''}`.trim(),
      badgeCode: attendee.badgeCode,
      days: attendee.days,
      accessPath: `${ATTENDEE_PAGE}/${token}`,
      reason,
      confirmed: attendee.confirmedAt !== null,
      badgeQrPng: qrPng,
    };
    await this.outbox.add(tx, { template: attendeeLinkMail.name, recipient: attendee.email, locale: attendee.locale, params: { ...params } });
  }
}

/** The badge QR code (the badge code only) as a base64 PNG for the email; made before queuing, as rendering is synchronous. */
async function badgeQrPng(badgeCode: string): Promise<string> {
  return (await QRCode.toBuffer(badgeCode, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 240 })).toString('base64');
}
