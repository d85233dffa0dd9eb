import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Queues } from './job-catalogue';

/**
 * Queues report lost Redis connections as 'error' events; without a listener BullMQ prints
 * each one to the console, and an emitter with no listener crashes the process. Every queue of
 * the catalogue gets one (a queue added later cannot be forgotten), logging once per outage.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('queue');
  private lastLoggedAt = 0;

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(Queues)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error) => {
        if (Date.now() - this.lastLoggedAt < 10_000) return;
        this.lastLoggedAt = Date.now();
        this.logger.warn({ queue: queue.name, err: error.message }, 'queue cannot reach Redis; retrying');
      });
    }
  }
}
