import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../core/config/app-config';
import type { TransactionContext } from '../../core/database/transaction-runner';
import { OutboxService } from '../../core/outbox/outbox.service';
import { editionName } from '../fairs/domain/edition-name';
import type { FairEdition } from '../fairs/entities/fair-edition.entity';
import type { MeetingParticipant } from './entities/meeting-participant.entity';
import { accessLinkMail, type AccessLinkParams } from './mail/access-link.mail';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Private links of participants: `<participant id>.<HMAC of it>`, sent only by email. */
@Injectable()
export class ParticipantLinks {
  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  token(participantId: string): string {
    return `${participantId}.${createHmac('sha256', this.config.appSecret).update(`meeting-participant:${participantId}`).digest('base64url').slice(0, 32)}`;
  }

  /** The participant id a token stands for, or undefined when it was not made by us. */
  verify(token: string): string | undefined {
    const [id] = token.split('.');
    if (!id || !UUID.test(id)) return undefined;
    const expected = Buffer.from(this.token(id));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
  }

  /** Queues the email with the link, in the transaction that created the participant. */
  async send(tx: TransactionContext, edition: FairEdition, p: MeetingParticipant): Promise<void> {
    const params: AccessLinkParams = {
      contactName: p.contactName,
      editionNameKo: editionName(edition, 'ko'),
      editionNameEn: editionName(edition, 'en'),
      accessPath: `/meetings/${this.token(p.id)}`, // the participant's web page; the JSON API stays at /api/meeting-access/<token>
    };
    await this.outbox.send(tx, accessLinkMail, { recipient: p.email, locale: p.locale, params, scopeId: edition.id });
  }
}
