import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Queues } from '../queue/job-catalogue';

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
}

const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(Queues.Mail) private readonly mailQueue: Queue,
  ) {}

  async report(): Promise<HealthReport> {
    const [database, mailQueue, outbox] = await Promise.all([
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
    ]);
    const redis: DependencyState = mailQueue.status === 'up' ? { status: 'up' } : { status: 'down', error: mailQueue.error };
    const up = [database, redis, mailQueue, outbox].every((d) => d.status === 'up');
    return { status: up ? 'ok' : 'error', database, redis, mailQueue, outbox };
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
