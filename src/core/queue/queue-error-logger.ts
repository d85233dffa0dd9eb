import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Queues } from './job-catalogue';

/**
 * Queues report lost Redis connections as 'error' events; without a listener BullMQ prints
 * each one to the console. Log them once per outage instead (ioredis keeps reconnecting).
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('queue');
  private lastLoggedAt = 0;

  constructor(
    @InjectQueue(Queues.Mail) private readonly mailQueue: Queue,
    @InjectQueue(Queues.Venue) private readonly venueQueue: Queue,
    @InjectQueue(Queues.Meetings) private readonly meetingsQueue: Queue,
  ) {}

  onModuleInit(): void {
    for (const queue of [this.mailQueue, this.venueQueue, this.meetingsQueue]) {
      queue.on('error', (error: Error) => {
        if (Date.now() - this.lastLoggedAt < 10_000) return;
        this.lastLoggedAt = Date.now();
        this.logger.warn({ queue: queue.name, err: error.message }, 'queue cannot reach Redis; retrying');
      });
    }
  }
}
