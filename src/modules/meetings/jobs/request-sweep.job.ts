import { Injectable, OnModuleInit } from '@nestjs/common';
import { housekeepingJobOptions, Queues } from '../../../core/queue/job-catalogue';
import { JobSchedulers } from '../../../core/queue/job-schedulers';
import { OnJob } from '../../../core/queue/on-job.decorator';
import { RequestNoticesService } from '../request-notices.service';
import './meetings.jobs';

/** How often request news and expiries are swept: a few times per digest interval, at most every 5 s. */
export function requestSweepEveryMs(digestSeconds: number): number {
  return Math.max(1000, Math.min(5000, Math.round((digestSeconds * 1000) / 2)));
}

/**
 * `meetings.request-sweep` (repeatable, self-healing): expires requests past their time and emails
 * each participant's digest of request news.
 */
@Injectable()
export class RequestSweepJob implements OnModuleInit {
  constructor(
    private readonly notices: RequestNoticesService,
    private readonly schedulers: JobSchedulers,
  ) {}

  onModuleInit(): void {
    this.schedulers.declare({
      queue: Queues.MeetingRequests,
      id: 'meetings.request-sweep',
      repeat: { every: requestSweepEveryMs(this.notices.digestSeconds) },
      job: { name: 'meetings.request-sweep', data: {}, opts: housekeepingJobOptions },
    });
  }

  @OnJob({ name: 'meetings.request-sweep', queue: Queues.MeetingRequests })
  run(): Promise<unknown> {
    return this.notices.sweep();
  }
}
