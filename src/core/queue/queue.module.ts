import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { Queues, type JobQueueMap, type QueueName } from './job-catalogue';
import { jobDispatcherFor, workerOptions } from './job-dispatcher';
import { JOB_QUEUE_MAP, JobHandlers } from './job-handlers';
import { JobSchedulers } from './job-schedulers';
import { QueueErrorLogger } from './queue-error-logger';

/**
 * BullMQ on the configured Redis, with a prefix so several deployments (or test runs) can share it;
 * repeatable jobs are declared to JobSchedulers, which keeps them in Redis. In processes that run
 * workers (APP_ROLE all or worker), each queue gets one dispatcher that routes its jobs to the
 * modules' `@OnJob` handlers, and start-up checks that each job of `jobs` has exactly one handler.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig, jobs: JobQueueMap): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(Queues).map((name) => ({ name })));
    const providers: Provider[] = [QueueErrorLogger, JobSchedulers, { provide: JOB_QUEUE_MAP, useValue: jobs }];
    if (config.runsWorkers) {
      const options = workerOptions(config);
      providers.push(JobHandlers, ...(Object.keys(options) as QueueName[]).map((queue) => jobDispatcherFor(queue, options[queue])));
    }
    return {
      module: QueueModule,
      imports: [BullModule.forRoot({ connection: { ...config.redis }, prefix: config.queuePrefix }), queues, DiscoveryModule],
      providers,
      exports: [queues, JobSchedulers],
    };
  }
}
