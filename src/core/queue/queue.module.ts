import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { Queues } from './job-catalogue';
import { JobSchedulers } from './job-schedulers';
import { QueueErrorLogger } from './queue-error-logger';

/**
 * BullMQ on the configured Redis, with a prefix so several deployments (or test runs) can share it;
 * repeatable jobs are declared to JobSchedulers, which keeps them in Redis.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(Queues).map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [BullModule.forRoot({ connection: { ...config.redis }, prefix: config.queuePrefix }), queues],
      providers: [QueueErrorLogger, JobSchedulers],
      exports: [queues, JobSchedulers],
    };
  }
}
