import { Injectable } from '@nestjs/common';
import { TransactionRunner, type TransactionContext } from '../../core/database/transaction-runner';
import { BookingNotifier } from './booking-notifier';
import type { Booking } from './entities/booking.entity';
import { holdExpiredMail } from './mail/booking-mails';
import { VenueRepository } from './venue.repository';

/** Overdue holds in one sweeper run's batch, and batches per run. */
const SWEEP_BATCH = 500;
const SWEEP_MAX_BATCHES = 20;

/** When a hold lapses: the sweeper's work (and the old per-hold job's), and the lapse itself. */
@Injectable()
export class HoldExpiryService {
  constructor(
    private readonly venues: VenueRepository,
    private readonly transactions: TransactionRunner,
    private readonly notifier: BookingNotifier,
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

  /**
   * Lapses every overdue hold, a batch of SWEEP_BATCH at a time (at most SWEEP_MAX_BATCHES a run;
   * the next run goes on). Holds have no job of their own: this sweeper, every minute, lapses them
   * (status, occupancy rows, the creator's email). Until it runs, every query already treats an
   * overdue hold as free, and a booking that meets one lapses it first.
   */
  async sweepExpiredHolds(): Promise<number> {
    let count = 0;
    for (let batch = 0; batch < SWEEP_MAX_BATCHES; batch++) {
      const ids = await this.venues.findOverdueHoldIds(SWEEP_BATCH);
      for (const id of ids) if (await this.expireHold(id)) count++;
      if (ids.length < SWEEP_BATCH) break;
    }
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
}
