import { Injectable } from '@nestjs/common';
import { Queues, type JobItem } from '../../../core/queue/job-catalogue';
import { OnJob } from '../../../core/queue/on-job.decorator';
import { HoldExpiryService } from '../hold-expiry.service';
import './venue.jobs';

/**
 * `venue.hold-expire`: holds used to get one delayed job each; the sweeper (`venue.hold-sweep`) lapses
 * them now. Kept so that the jobs already waiting in Redis from before still run (each is a no-op or a lapse).
 */
@Injectable()
export class HoldExpireJob {
  constructor(private readonly holds: HoldExpiryService) {}

  @OnJob({ name: 'venue.hold-expire', queue: Queues.Venue })
  run(job: JobItem<'venue.hold-expire'>): Promise<boolean> {
    return this.holds.expireHold(job.data.bookingId);
  }
}
