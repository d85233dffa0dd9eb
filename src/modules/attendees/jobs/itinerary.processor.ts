import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { AppConfig } from '../../../core/config/app-config';
import { housekeepingJobOptions, Queues, type JobCatalogue } from '../../../core/queue/job-catalogue';
import { ItineraryService } from '../itinerary.service';

type AttendeesJob = Job<JobCatalogue['itinerary.sweep']> | Job<JobCatalogue['itinerary.remind']>;

/** Composes due itineraries (a sweep every few seconds) and sends reminders at their time. Thin: the service decides. */
@Processor(Queues.Attendees, { concurrency: 2 })
export class ItineraryProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('itinerary-worker');

  constructor(
    private readonly itineraries: ItineraryService,
    private readonly config: AppConfig,
    @InjectQueue(Queues.Attendees) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const every = Math.max(1000, Math.round((this.config.itineraryDebounceSeconds * 1000) / 2));
    try {
      await this.queue.upsertJobScheduler('itinerary.sweep', { every }, { name: 'itinerary.sweep', data: {}, opts: housekeepingJobOptions });
    } catch (error) {
      this.logger.warn({ err: error }, 'could not schedule the itinerary sweeper');
    }
  }

  async process(job: AttendeesJob): Promise<number | boolean> {
    switch (job.name as keyof JobCatalogue) {
      case 'itinerary.sweep':
        return this.itineraries.composeDue();
      case 'itinerary.remind':
        return this.itineraries.sendReminder((job.data as JobCatalogue['itinerary.remind']));
      case 'mail.send':
      case 'meetings.schedule':
      case 'meetings.request-sweep':
      case 'venue.hold-expire':
      case 'venue.hold-sweep':
        throw new Error(`job ${job.name} does not belong on the attendees queue`);
    }
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'attendees worker connection error');
  }
}
