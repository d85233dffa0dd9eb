import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobCatalogue } from '../../../core/queue/job-catalogue';
import { Queues } from '../../../core/queue/job-catalogue';
import type { ScheduleProgress } from '../scheduler';
import { MeetingsRepository } from '../meetings.repository';
import { SchedulingService } from '../scheduling.service';

/** `meetings.schedule`: one engine run per job; progress goes to the job and to the run row. */
@Processor(Queues.Meetings, { concurrency: 1, lockDuration: 120_000 })
export class ScheduleRunProcessor extends WorkerHost {
  private readonly logger = new Logger('meetings-worker');

  constructor(
    private readonly scheduling: SchedulingService,
    private readonly meetings: MeetingsRepository,
  ) {
    super();
  }

  async process(job: Job<JobCatalogue['meetings.schedule']>): Promise<void> {
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
