import { Injectable, OnModuleInit } from '@nestjs/common';
import { housekeepingJobOptions, Queues } from '../../../core/queue/job-catalogue';
import { JobSchedulers } from '../../../core/queue/job-schedulers';
import { OnJob } from '../../../core/queue/on-job.decorator';
import { MeetingSurveysService } from '../meeting-surveys.service';
import './meetings.jobs';

/** How often held meetings are looked for: a survey goes out within seconds of the outcome being recorded. */
export const SURVEY_SWEEP_EVERY_MS = 5000;

/**
 * `meetings.survey-sweep` (repeatable, self-healing): writes the after-meeting survey rows and
 * emails of meetings recorded as held. Idempotent: a run that repeats (at-least-once) or runs beside
 * another writes nothing twice, the survey rows' primary key decides.
 */
@Injectable()
export class SurveySweepJob implements OnModuleInit {
  constructor(
    private readonly surveys: MeetingSurveysService,
    private readonly schedulers: JobSchedulers,
  ) {}

  onModuleInit(): void {
    this.schedulers.declare({
      queue: Queues.MeetingRequests,
      id: 'meetings.survey-sweep',
      repeat: { every: SURVEY_SWEEP_EVERY_MS },
      job: { name: 'meetings.survey-sweep', data: {}, opts: housekeepingJobOptions },
    });
  }

  @OnJob({ name: 'meetings.survey-sweep', queue: Queues.MeetingRequests })
  run(): Promise<unknown> {
    return this.surveys.sweep();
  }
}
