import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { housekeepingJobOptions, Queues, type JobCatalogue } from '../../../core/queue/job-catalogue';
import { VenueService } from '../venue.service';

type VenueJob = Job<JobCatalogue['venue.hold-expire']> | Job<JobCatalogue['venue.hold-sweep']>;

/** Lapses holds: one delayed job per hold, and a sweeper every minute for jobs that were lost. */
@Processor(Queues.Venue, { concurrency: 2 })
export class HoldExpiryProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('venue-worker');

  constructor(
    private readonly venue: VenueService,
    @InjectQueue(Queues.Venue) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler('venue.hold-sweep', { every: 60_000 }, { name: 'venue.hold-sweep', data: {}, opts: housekeepingJobOptions });
    } catch (error) {
      this.logger.warn({ err: error }, 'could not schedule the hold sweeper');
    }
  }

  async process(job: VenueJob): Promise<boolean | number> {
    const name = job.name as keyof JobCatalogue;
    switch (name) {
      case 'venue.hold-expire':
        return this.venue.expireHold((job.data as JobCatalogue['venue.hold-expire']).bookingId);
      case 'venue.hold-sweep':
        return this.venue.sweepExpiredHolds();
      case 'mail.send':
      case 'meetings.schedule':
      case 'meetings.request-sweep':
      case 'itinerary.sweep':
      case 'itinerary.remind':
        throw new Error(`job ${name} does not belong on the venue queue`);
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'venue worker connection error');
  }
}
