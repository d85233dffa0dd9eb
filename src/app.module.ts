import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './core/config/app-config';
import { AuthModule } from './core/auth/auth.module';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { HealthModule } from './core/health/health.module';
import { IdempotencyModule } from './core/http/idempotency/idempotency.module';
import { RateLimitModule } from './core/http/rate-limit/rate-limit.module';
import { MailModule } from './core/mail/mail.module';
import { OutboxModule } from './core/outbox/outbox.module';
import { AuditModule } from './core/audit/audit.module';
import { coreJobs } from './core/queue/job-catalogue';
import { QueueModule } from './core/queue/queue.module';
import { webhookJobs } from './core/webhooks/webhook.jobs';
import { WebhooksModule } from './core/webhooks/webhooks.module';
import { AttendeesModule } from './modules/attendees/attendees.module';
import { ConsoleModule } from './modules/console/console.module';
import { attendeesJobs } from './modules/attendees/jobs/attendees.jobs';
import { ExhibitorsModule } from './modules/exhibitors/exhibitors.module';
import { BillingJobsModule } from './modules/exhibitors/billing/billing.module';
import { billingJobs } from './modules/exhibitors/billing/jobs/billing.jobs';
import { FairsModule } from './modules/fairs/fairs.module';
import { VenueEditionLookup } from './modules/fairs/venue-edition-lookup';
import { MailConsoleModule } from './modules/mail-console/mail-console.module';
import { WebhooksConsoleModule } from './modules/mail-console/webhooks/webhooks-console.module';
import { meetingsJobs } from './modules/meetings/jobs/meetings.jobs';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { SiteModule } from './modules/site/site.module';
import { venueJobs } from './modules/venue/jobs/venue.jobs';
import { VenueModule } from './modules/venue/venue.module';

/**
 * Composes the application. Every process loads the business modules (they register mail
 * templates and services); APP_ROLE decides whether queue workers run here. Every module's jobs
 * (its `jobs/<module>.jobs.ts`) are listed to QueueModule, which checks each has one handler.
 */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        QueueModule.forRoot(config, { ...coreJobs, ...venueJobs, ...meetingsJobs, ...attendeesJobs, ...billingJobs, ...webhookJobs }),
        OutboxModule,
        AuditModule,
        WebhooksModule.forRoot({ worker: config.runsWorkers }),
        MailModule.forRoot({ worker: config.runsWorkers }),
        IdempotencyModule,
        RateLimitModule,
        AuthModule,
        HealthModule,
        // The venue declares the EditionLookup port; the fairs area, one floor up, answers it.
        VenueModule.forRoot({ worker: config.runsWorkers, editions: { imports: [FairsModule], useExisting: VenueEditionLookup } }),
        FairsModule,
        ExhibitorsModule,
        BillingJobsModule.forRoot({ worker: config.runsWorkers }),
        MeetingsModule.forRoot({ worker: config.runsWorkers }),
        AttendeesModule.forRoot({ worker: config.runsWorkers }),
        MailConsoleModule.forRoot({ http: config.runsApi }),
        WebhooksConsoleModule,
        SiteModule,
        ConsoleModule,
      ],
    };
  }
}
