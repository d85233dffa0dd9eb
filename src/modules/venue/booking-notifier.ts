import { Injectable } from '@nestjs/common';
import { Account } from '../../core/auth/entities/account.entity';
import type { TransactionContext } from '../../core/database/transaction-runner';
import type { MailTemplate } from '../../core/mail/mail-template';
import { OutboxService } from '../../core/outbox/outbox.service';
import { DEFAULT_TIME_ZONE, formatLocal } from '../../core/time/zoned-time';
import type { Booking } from './entities/booking.entity';
import type { VenueSpace } from './entities/venue-space.entity';
import type { BookingMailParams } from './mail/booking-mails';

/** Puts a booking email (confirmed, cancelled, hold expired) in the outbox, inside the booking's transaction. */
@Injectable()
export class BookingNotifier {
  constructor(private readonly outbox: OutboxService) {}

  async notify(tx: TransactionContext, template: MailTemplate<BookingMailParams>, b: Booking, space: VenueSpace, accountId: string | null): Promise<void> {
    // A booking the system made (seed, migration) has nobody to tell.
    if (accountId === null) return;
    const account = await tx.manager.findOneBy(Account, { id: accountId });
    if (!account) return;
    const zone = DEFAULT_TIME_ZONE;
    const params: BookingMailParams = {
      bookingId: b.id,
      spaceNameKo: space.nameKo,
      spaceNameEn: space.nameEn,
      purpose: b.purpose,
      startsAt: formatLocal(b.startsAt, zone),
      endsAt: formatLocal(b.endsAt, zone),
      occupiedFrom: formatLocal(b.occupiedFrom, zone),
      occupiedUntil: formatLocal(b.occupiedUntil, zone),
      reason: b.cancelReason,
    };
    await this.outbox.send(tx, template, { recipient: account.email, locale: account.locale, params, scopeId: b.editionId });
  }
}
