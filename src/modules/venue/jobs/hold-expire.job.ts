import { Injectable } from '@nestjs/common';
import { Queues, type JobItem } from '../../../core/queue/job-catalogue';
import { OnJob } from '../../../core/queue/on-job.decorator';
import { HoldExpiryService } from '../hold-expiry.service';
import './venue.jobs';

/** `venue.hold-expire`: one delayed job per hold lapses it at its expiry time. */
@Injectable()
export class HoldExpireJob {
  constructor(private readonly holds: HoldExpiryService) {}

  @OnJob({ name: 'venue.hold-expire', queue: Queues.Venue })
  run(job: JobItem<'venue.hold-expire'>): Promise<boolean> {
    return this.holds.expireHold(job.data.bookingId);
  }
}
