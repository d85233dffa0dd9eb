import { Injectable } from '@nestjs/common';
import { Queues, type JobItem } from '../../../core/queue/job-catalogue';
import { OnJob } from '../../../core/queue/on-job.decorator';
import { VenueService } from '../venue.service';
import './venue.jobs';

/** `venue.hold-expire`: one delayed job per hold lapses it at its expiry time. */
@Injectable()
export class HoldExpireJob {
  constructor(private readonly venue: VenueService) {}

  @OnJob({ name: 'venue.hold-expire', queue: Queues.Venue })
  run(job: JobItem<'venue.hold-expire'>): Promise<boolean> {
    return this.venue.expireHold(job.data.bookingId);
  }
}
