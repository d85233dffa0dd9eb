import { Injectable, OnModuleInit } from '@nestjs/common';
import { housekeepingJobOptions, Queues } from '../../../core/queue/job-catalogue';
import { JobSchedulers } from '../../../core/queue/job-schedulers';
import { OnJob } from '../../../core/queue/on-job.decorator';
import { HoldExpiryService } from '../hold-expiry.service';
import './venue.jobs';

/** `venue.hold-sweep`: every minute, lapses the overdue holds (holds have no job of their own). */
@Injectable()
export class HoldSweepJob implements OnModuleInit {
  constructor(
    private readonly holds: HoldExpiryService,
    private readonly schedulers: JobSchedulers,
  ) {}

  onModuleInit(): void {
    this.schedulers.declare({
      queue: Queues.Venue, id: 'venue.hold-sweep', repeat: { every: 60_000 }, job: { name: 'venue.hold-sweep', data: {}, opts: housekeepingJobOptions },
    });
  }

  @OnJob({ name: 'venue.hold-sweep', queue: Queues.Venue })
  run(): Promise<number> {
    return this.holds.sweepExpiredHolds();
  }
}
