import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Queues } from '../queue/job-catalogue';
import { JobSchedulers } from '../queue/job-schedulers';

export class DependencyState {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false }) error?: string;
  @ApiProperty({ required: false, type: Object, additionalProperties: { type: 'number' } }) details?: Record<string, number>;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ type: DependencyState }) database: DependencyState;
  @ApiProperty({ type: DependencyState }) redis: DependencyState;
  @ApiProperty({ type: DependencyState, description: 'Job counts of the mail queue' }) mailQueue: DependencyState;
  @ApiProperty({ type: DependencyState, description: 'Outbox rows by status' }) outbox: DependencyState;
  @ApiProperty({
    type: DependencyState,
    description: 'Repeatable jobs of the workers of this process, `queue/id`: 1 when in Redis, 0 when missing (the watchdog re-creates it). None in an API-only process.',
  })
  schedulers: DependencyState;
}

const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(Queues.Mail) private readonly mailQueue: Queue,
    private readonly jobSchedulers: JobSchedulers,
  ) {}

  async report(): Promise<HealthReport> {
    const [database, mailQueue, outbox, found] = await Promise.all([
      probe(async () => {
        await this.dataSource.query('SELECT 1');
      }),
      // Reading the job counts is a Redis round trip: it tells both Redis's and the queue's state.
      probe(async () => this.mailQueue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')),
      probe(async () => {
        const rows: Array<{ status: string; count: number }> = await this.dataSource.query(
          `SELECT status, count(*)::int AS count FROM outbox_messages GROUP BY status`,
        );
        return Object.fromEntries(rows.map((r) => [r.status, r.count]));
      }),
      probe(async () => this.jobSchedulers.presence()),
    ]);
    const redis: DependencyState = mailQueue.status === 'up' ? { status: 'up' } : { status: 'down', error: mailQueue.error };
    // A scheduler missing from Redis means a periodic job no longer runs: not ready until it is back.
    const missing = Object.entries(found.details ?? {}).filter(([, present]) => present === 0).map(([name]) => name).sort();
    const schedulers: DependencyState = missing.length > 0 ? { status: 'down', error: `missing: ${missing.join(', ')}`, details: found.details } : found;
    const up = [database, redis, mailQueue, outbox, schedulers].every((d) => d.status === 'up');
    return { status: up ? 'ok' : 'error', database, redis, mailQueue, outbox, schedulers };
  }
}

async function probe(check: () => Promise<Record<string, number> | void>): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const details = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return details ? { status: 'up', details } : { status: 'up' };
  } catch (error) {
    // Say what failed, never the driver's text (it may name hosts, users or SQL).
    const timedOut = error instanceof Error && error.message.startsWith('no answer within');
    return { status: 'down', error: timedOut ? (error).message : 'unreachable or failing' };
  } finally {
    clearTimeout(timer);
  }
}
