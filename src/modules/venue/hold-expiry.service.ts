import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { TransactionRunner, type TransactionContext } from '../../core/database/transaction-runner';
import { housekeepingJobOptions, Queues, type JobCatalogue } from '../../core/queue/job-catalogue';
import { BookingNotifier } from './booking-notifier';
import type { Booking } from './entities/booking.entity';
import { holdExpiredMail } from './mail/booking-mails';
import { VenueRepository } from './venue.repository';

/** When a hold lapses: its delayed job, the job's and the sweeper's work, and the lapse itself. */
@Injectable()
export class HoldExpiryService {
  private readonly logger = new Logger('venue');

  constructor(
    private readonly venues: VenueRepository,
    private readonly transactions: TransactionRunner,
    private readonly notifier: BookingNotifier,
    @InjectQueue(Queues.Venue) private readonly venueQueue: Queue<JobCatalogue['venue.hold-expire']>,
  ) {}

  /** Lapses one hold if it is still held and past its time; used by the job and the sweeper. */
  async expireHold(id: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const b = await this.venues.lockBooking(tx.manager, id);
      if (!b || b.status !== 'held' || b.holdExpiresAt! > new Date()) return false;
      await this.lapse(tx, b);
      return true;
    });
  }

  async sweepExpiredHolds(): Promise<number> {
    let count = 0;
    for (const id of await this.venues.findOverdueHoldIds(500)) if (await this.expireHold(id)) count++;
    return count;
  }

  /** Marks the (locked) hold expired, frees its spaces and tells its creator, in the caller's transaction. */
  async lapse(tx: TransactionContext, b: Booking): Promise<void> {
    b.status = 'expired';
    b.sequence += 1;
    await tx.manager.save(b);
    await this.venues.releaseOccupancy(tx.manager, b.id);
    await this.notifier.notify(tx, holdExpiredMail, b, b.space!, b.createdBy);
  }

  scheduleHoldExpiry(bookingId: string, at: Date): void {
    // Best effort: if Redis is down the sweeper lapses the hold, and every query already treats it as free.
    this.venueQueue
      .add('venue.hold-expire', { bookingId }, { ...housekeepingJobOptions, delay: Math.max(0, at.getTime() - Date.now()), jobId: `hold-expire-${bookingId}` })
      .catch((error: unknown) => this.logger.warn({ err: error, bookingId }, 'could not schedule hold expiry; the sweeper will lapse it'));
  }
}
