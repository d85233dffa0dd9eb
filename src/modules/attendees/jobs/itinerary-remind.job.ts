import { Injectable } from '@nestjs/common';
import { Queues, type JobItem } from '../../../core/queue/job-catalogue';
import { OnJob } from '../../../core/queue/on-job.decorator';
import { ItineraryService } from '../itinerary.service';
import './attendees.jobs';

/** `itinerary.remind`: sends one reminder at its time, if it still holds (the service decides). */
@Injectable()
export class ItineraryRemindJob {
  constructor(private readonly itineraries: ItineraryService) {}

  @OnJob({ name: 'itinerary.remind', queue: Queues.Attendees })
  run(job: JobItem<'itinerary.remind'>): Promise<boolean> {
    return this.itineraries.sendReminder(job.data);
  }
}
