import { DynamicModule, Module } from '@nestjs/common';
import { ExhibitorsModule } from '../exhibitors.module';
import { ReminderSweepJob } from './jobs/reminder-sweep.job';

/**
 * Billing's worker side: the hourly reminder sweep, where the process runs workers. The billing
 * services, routes and pages live in ExhibitorsModule (the approval sends the quote).
 */
@Module({})
export class BillingJobsModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    return { module: BillingJobsModule, imports: [ExhibitorsModule], providers: options.worker ? [ReminderSweepJob] : [] };
  }
}
