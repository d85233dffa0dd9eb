import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { housekeepingJobOptions, Queues, type JobCatalogue } from '../../../core/queue/job-catalogue';
import type { ScheduleProgress } from '../scheduler';
import { MeetingsRepository } from '../meetings.repository';
import { RequestNoticesService } from '../request-notices.service';
import { SchedulingService } from '../scheduling.service';

type MeetingsJob = Job<JobCatalogue['meetings.schedule']> | Job<JobCatalogue['meetings.request-sweep']>;

/** How often request news and expiries are swept: a few times per digest interval, at most every 5 s. */
export function requestSweepEveryMs(digestSeconds: number): number {
  return Math.max(1000, Math.min(5000, Math.round((digestSeconds * 1000) / 2)));
}

/**
 * `meetings.schedule`: one engine run per job; progress goes to the job and to the run row.
 * `meetings.request-sweep` (repeatable): expires requests past their time and emails each
 * participant's digest of request news.
 */
@Processor(Queues.Meetings, { concurrency: 1, lockDuration: 120_000 })
export class ScheduleRunProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('meetings-worker');

  constructor(
    private readonly scheduling: SchedulingService,
    private readonly meetings: MeetingsRepository,
    private readonly notices: RequestNoticesService,
    @InjectQueue(Queues.Meetings) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        'meetings.request-sweep',
        { every: requestSweepEveryMs(this.notices.digestSeconds) },
        { name: 'meetings.request-sweep', data: {}, opts: housekeepingJobOptions },
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'could not schedule the meeting-request sweeper');
    }
  }

  async process(job: MeetingsJob): Promise<unknown> {
    const name = job.name as keyof JobCatalogue;
    switch (name) {
      case 'meetings.schedule':
        return this.runSchedule(job as Job<JobCatalogue['meetings.schedule']>);
      case 'meetings.request-sweep':
        return this.notices.sweep();
      case 'mail.send':
      case 'venue.hold-expire':
      case 'venue.hold-sweep':
      case 'itinerary.sweep':
      case 'itinerary.remind':
        throw new Error(`job ${name} does not belong on the meetings queue`);
    }
  }

  private async runSchedule(job: Job<JobCatalogue['meetings.schedule']>): Promise<void> {
    let last = 0;
    const report = (p: ScheduleProgress): void => {
      // The engine reports ~50 times a run; keep the writes to a few per second.
      if (Date.now() - last < 250 && p.phase !== 'finish') return;
      last = Date.now();
      const progress = { ...p };
      void job.updateProgress(progress).catch(() => undefined);
      void this.meetings.updateRun(job.data.runId, { progress }).catch(() => undefined);
    };
    await this.scheduling.execute(job.data.runId, report);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'meetings worker connection error');
  }
}
