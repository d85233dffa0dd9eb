import { Injectable } from '@nestjs/common';
import { Queues, type JobItem } from '../../../core/queue/job-catalogue';
import { OnJob } from '../../../core/queue/on-job.decorator';
import type { ScheduleProgress } from '../scheduler';
import { MeetingsRepository } from '../meetings.repository';
import { SchedulingService } from '../scheduling.service';
import './meetings.jobs';

/** `meetings.schedule`: one engine run per job; progress goes to the job and to the run row. */
@Injectable()
export class ScheduleRunJob {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly meetings: MeetingsRepository,
  ) {}

  @OnJob({ name: 'meetings.schedule', queue: Queues.Meetings })
  async run(job: JobItem<'meetings.schedule'>): Promise<void> {
    let last = 0;
    const report = (p: ScheduleProgress): void => {
      // The engine reports ~50 times a run; keep the writes to a few per second.
      if (Date.now() - last < 250 && p.phase !== 'finish') return;
      last = Date.now();
      const progress = { ...p };
      void job.updateProgress(progress).catch(() => undefined);
      void this.meetings.updateRun(job.data.runId, { progress }).catch(() => undefined);
    };
    await this.scheduling.execute(job.data.runId, report, job.data.fairness);
  }
}
