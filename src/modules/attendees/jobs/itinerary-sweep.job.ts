import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../core/config/app-config';
import { housekeepingJobOptions, Queues } from '../../../core/queue/job-catalogue';
import { JobSchedulers } from '../../../core/queue/job-schedulers';
import { OnJob } from '../../../core/queue/on-job.decorator';
import { ItineraryService } from '../itinerary.service';
import './attendees.jobs';

/** `itinerary.sweep`: every few seconds, composes and sends the itineraries whose changes have settled. Thin: the service decides. */
@Injectable()
export class ItinerarySweepJob implements OnModuleInit {
  constructor(
    private readonly itineraries: ItineraryService,
    private readonly config: AppConfig,
    private readonly schedulers: JobSchedulers,
  ) {}

  onModuleInit(): void {
    const every = Math.max(1000, Math.round((this.config.itineraryDebounceSeconds * 1000) / 2));
    this.schedulers.declare({
      queue: Queues.Attendees, id: 'itinerary.sweep', repeat: { every }, job: { name: 'itinerary.sweep', data: {}, opts: housekeepingJobOptions },
    });
  }

  @OnJob({ name: 'itinerary.sweep', queue: Queues.Attendees })
  run(): Promise<number> {
    return this.itineraries.composeDue();
  }
}
