import { Injectable, OnModuleInit } from '@nestjs/common';
import { housekeepingJobOptions, Queues } from '../../../../core/queue/job-catalogue';
import { JobSchedulers } from '../../../../core/queue/job-schedulers';
import { OnJob } from '../../../../core/queue/on-job.decorator';
import { BillingService } from '../billing.service';
import './billing.jobs';

/** Reminder steps are days apart: an hourly sweep sends each on its day; the (invoice, step) key keeps it once. */
const EVERY_MS = 60 * 60 * 1000;

/** `billing.reminder-sweep`: emails overdue invoices, once per step. Thin: the service decides. */
@Injectable()
export class ReminderSweepJob implements OnModuleInit {
  constructor(
    private readonly billing: BillingService,
    private readonly schedulers: JobSchedulers,
  ) {}

  onModuleInit(): void {
    this.schedulers.declare({
      queue: Queues.Billing, id: 'billing.reminder-sweep', repeat: { every: EVERY_MS }, job: { name: 'billing.reminder-sweep', data: {}, opts: housekeepingJobOptions },
    });
  }

  @OnJob({ name: 'billing.reminder-sweep', queue: Queues.Billing })
  run(): Promise<number> {
    return this.billing.sweepReminders();
  }
}
