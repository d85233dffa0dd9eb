import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { Queues } from '../queue/job-catalogue';

/**
 * Takes up to ARGV[1] sends from the mail queue's rate budget: the very counter BullMQ's limiter
 * increments for each job it starts (KEYS[1], `<prefix>:mail:limiter`, ARGV[2] per ARGV[3] ms).
 * Answers { granted, 0 } or, when the budget of this window is spent, { 0, ms until it renews }.
 */
const TAKE = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local max = tonumber(ARGV[2])
if used >= max then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then return {0, ttl} end
  redis.call('DEL', KEYS[1])
  used = 0
end
local grant = math.min(tonumber(ARGV[1]), max - used)
local n = redis.call('INCRBY', KEYS[1], grant)
if n == grant then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {grant, 0}
`;

const COMMAND = 'fairgateMailRateTake';
/** Clients the script is defined on (one per queue connection). */
const defined = new WeakSet<object>();

/**
 * MAIL_RATE_PER_SECOND counts emails, and BullMQ's limiter counts jobs: a group job (many emails)
 * takes its other sends from the same Redis counter, so the rate holds for single and group jobs
 * of every worker process together. One script call per group while the budget lasts.
 */
@Injectable()
export class MailRateGate {
  constructor(
    @InjectQueue(Queues.Mail) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  /** Waits until at least one send is allowed; answers how many (≤ want) may go now. */
  async take(want: number): Promise<number> {
    const client = await this.queue.getBackend().client;
    if (!defined.has(client)) {
      client.defineCommand(COMMAND, { numberOfKeys: 1, lua: TAKE });
      defined.add(client);
    }
    for (;;) {
      const [granted, waitMs] = (await client.runCommand(COMMAND, [this.queue.keys.limiter, Math.max(1, want), this.config.mailRatePerSecond, 1000])) as [number, number];
      if (granted > 0) return granted;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, waitMs)));
    }
  }
}
