import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';

/** How many requests a caller may make per window. */
export interface RateLimitRule {
  /** Requests allowed within any window of `windowSeconds` (whole number ≥ 1). */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Requests still allowed in the current window (after this one, for consume). */
  remaining: number;
  /** When refused: whole seconds until one more request would be allowed (≥ 1); 0 when allowed. */
  retryAfterSeconds: number;
}

/**
 * A sliding-window log, atomic in one script: each allowed request is a member of a sorted set
 * scored by Redis's own clock (so API instances with skewed clocks agree). Entries older than the
 * window are dropped, the rest counted; under the limit, `consume` adds one and `peek` adds none.
 * Refused requests are not recorded, so a caller who keeps knocking is let in again once its
 * oldest counted request leaves the window. Exact (no fixed-window burst at the boundary); memory
 * is at most `limit` small entries per key, and the key expires one window after its last entry.
 *
 * KEYS[1] the log; ARGV: limit, window in ms, 'consume' | 'peek', a random nonce (unique member).
 * Returns { allowed 0|1, remaining, retry after in ms }.
 */
const SLIDING_WINDOW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  if ARGV[3] == 'consume' then
    redis.call('ZADD', KEYS[1], now, t[1] .. '.' .. t[2] .. '.' .. ARGV[4])
    redis.call('PEXPIRE', KEYS[1], window)
    count = count + 1
  end
  return { 1, limit - count, 0 }
end
-- Over the limit: one more is allowed once the entry at (count - limit) leaves the window
-- (the oldest when the limit is unchanged; a later one if the limit was lowered since).
local entry = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
return { 0, 0, tonumber(entry[2]) + window - now }
`;

type ScriptReply = [allowed: number, remaining: number, retryAfterMs: number];

/** Caller digests kept by a RateLimiter (see redisKey): a few MiB at most. */
const DIGESTS_KEPT = 10_000;

/**
 * A login attempt, checked and counted in one step (see LoginThrottle): two sliding-window logs as
 * above (KEYS[1] the IP's, KEYS[2] the email + IP's) and the account's backoff, a hash
 * { n: failures, until: ms } (KEYS[3]). Refused (nothing written) when either log is full or the
 * account waits — unless this client logged in to the account before (KEYS[4] exists); otherwise the attempt joins both logs and counts as the account's n-th failure,
 * which past `free` failures makes the account wait base * 2^(n - free - 1) ms, at most `cap`.
 *
 * ARGV: ip limit, pair limit, window in ms, member, backoff base ms, cap ms, free failures.
 * Returns { allowed 0|1, retry after in ms }.
 */
const LOGIN_ATTEMPT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[3])
local function waitOf(key, limit)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count < limit then return 0 end
  local entry = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
  return tonumber(entry[2]) + window - now
end
local wait = math.max(waitOf(KEYS[1], tonumber(ARGV[1])), waitOf(KEYS[2], tonumber(ARGV[2])))
local failures = tonumber(redis.call('HGET', KEYS[3], 'n') or '0')
local waitUntil = tonumber(redis.call('HGET', KEYS[3], 'until') or '0')
-- A client that logged in to this account before (KEYS[4]) does not wait for the account's backoff.
if waitUntil > now and redis.call('EXISTS', KEYS[4]) == 0 then wait = math.max(wait, waitUntil - now) end
if wait > 0 then return { 0, wait } end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
redis.call('ZADD', KEYS[2], now, ARGV[4])
redis.call('PEXPIRE', KEYS[2], window)
failures = failures + 1
local free = tonumber(ARGV[7])
local nextUntil = 0
if failures > free then nextUntil = now + math.min(tonumber(ARGV[6]), tonumber(ARGV[5]) * 2 ^ (failures - free - 1)) end
redis.call('HSET', KEYS[3], 'n', failures, 'until', nextUntil)
redis.call('PEXPIRE', KEYS[3], window)
return { 1, 0 }
`;

interface RedisWithRateLimit extends Redis {
  fairgateRateLimit(key: string, limit: number, windowMs: number, mode: 'consume' | 'peek', nonce: string): Promise<ScriptReply>;
  fairgateLoginAttempt(
    ipKey: string, pairKey: string, accountKey: string, knownKey: string,
    ipLimit: number, pairLimit: number, windowMs: number, member: string, backoffBaseMs: number, backoffMaxMs: number, freeFailures: number,
  ): Promise<[allowed: number, retryAfterMs: number]>;
}

/** The Redis keys of one login attempt (RateLimiter.redisKey of each bucket). */
export interface LoginAttemptKeys {
  ip: string;
  pair: string;
  account: string;
  /** Set after a successful login of this client (IP) to this account: exempt from the account's backoff. */
  known: string;
}

export interface LoginAttemptRule {
  ipLimit: number;
  pairLimit: number;
  windowMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  freeFailures: number;
}

/** Longest a rate-limit command may take before the request goes ahead without it (a hung Redis). */
const COMMAND_TIMEOUT_MS = 1000;
/** How long start-up waits for the first connection, so the first requests are counted; never fatal. */
const CONNECT_WAIT_MS = 3000;
const WARN_INTERVAL_MS = 60_000;
/** What a bucket name may be: it appears in clear in the Redis key. */
export const RATE_LIMIT_BUCKET = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Abuse limits shared by every API instance: the counts live in Redis, under RATE_LIMIT_PREFIX
 * (QUEUE_PREFIX by default), so parallel deployments and test runs never share them.
 *
 * Callers are never stored in clear: a key (IP, email + IP) becomes an HMAC-SHA-256 under
 * APP_SECRET, truncated to 128 bits. A plain hash would not do: every IPv4 address can be hashed
 * in minutes and matched back.
 *
 * **Redis unreachable, slow or failing: the request is allowed (fail open).** Rate limiting
 * protects against abuse; it must never take the API down, and a Redis outage already leaves the
 * API answering (the outbox waits for it). The cost is that limits do not hold while Redis is out —
 * argon2id's cost still slows password guessing meanwhile. Such failures are logged as a warning at
 * most once a minute, so an outage does not flood the log.
 */
@Injectable()
export class RateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('rate-limit');
  private readonly warning = new ThrottledWarning(this.logger, WARN_INTERVAL_MS);
  private readonly redis: RedisWithRateLimit;
  private readonly prefix: string;
  private readonly secret: string;
  /**
   * Per request, the caller's HMAC and a random nonce were 2 % of the server's CPU on bench:api's
   * profile (docs/benchmarks.md, Session 7): the digests of recent callers are kept, and the
   * nonce is a counter behind a per-process random prefix (as unique, and the member also holds
   * Redis's own microsecond time).
   */
  private readonly digests = new Map<string, string>();
  private readonly noncePrefix = `${randomBytes(6).toString('hex')}.`;
  private nonceCount = 0;

  constructor(config: AppConfig) {
    this.prefix = `${config.rateLimitPrefix}:rl`;
    this.secret = config.appSecret;
    const redis = new Redis({
      ...config.redis,
      lazyConnect: true,
      connectionName: 'fairgate-rate-limit',
      // Fail fast instead of queueing while disconnected: a request waits for no reconnect.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 3000,
      // On close, a socket that never answers the FIN is destroyed after this (ioredis default 2 s).
      disconnectTimeout: 500,
      // Keep trying to reconnect in the background, at most every 2 s.
      retryStrategy: (times) => Math.min(times * 100, 2000),
    });
    redis.on('error', (error: Error) => this.warning.warn('Redis for rate limits is failing; requests are let through unlimited', error));
    redis.defineCommand('fairgateRateLimit', { numberOfKeys: 1, lua: SLIDING_WINDOW_SCRIPT });
    redis.defineCommand('fairgateLoginAttempt', { numberOfKeys: 4, lua: LOGIN_ATTEMPT_SCRIPT });
    this.redis = redis as RedisWithRateLimit;
  }

  async onModuleInit(): Promise<void> {
    // connect() rejects when the first attempt fails; retryStrategy keeps reconnecting regardless.
    const connected = this.redis.connect().then(
      () => undefined,
      (error: unknown) => this.warning.warn('Redis for rate limits is not reachable at start; requests are let through unlimited until it is', error),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([connected, new Promise((resolve) => (timer = setTimeout(resolve, CONNECT_WAIT_MS)))]);
    clearTimeout(timer);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  /** Counts one request of `key` in `bucket`, unless the limit is already reached (then refuses it). */
  consume(bucket: string, key: string, rule: RateLimitRule): Promise<RateLimitResult> {
    return this.run('consume', bucket, key, rule);
  }

  /** Whether one more request would be allowed now, without counting one. */
  peek(bucket: string, key: string, rule: RateLimitRule): Promise<RateLimitResult> {
    return this.run('peek', bucket, key, rule);
  }

  /** Forgets every counted request of `key` in `bucket` (e.g. failed logins after a successful one). */
  async reset(bucket: string, key: string): Promise<void> {
    try {
      await this.redis.del(this.redisKey(bucket, key));
    } catch (error) {
      this.warning.warn('Redis for rate limits is failing; a counter could not be reset', error);
    }
  }

  /** Checks and counts one login attempt atomically (see LoginThrottle); fails open like every limit. */
  async loginAttempt(keys: LoginAttemptKeys, member: string, rule: LoginAttemptRule): Promise<Omit<RateLimitResult, 'remaining'>> {
    try {
      const [allowed, retryAfterMs] = await this.redis.fairgateLoginAttempt(
        keys.ip, keys.pair, keys.account, keys.known, rule.ipLimit, rule.pairLimit, rule.windowMs, member, rule.backoffBaseMs, rule.backoffMaxMs, rule.freeFailures,
      );
      return allowed === 1 ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    } catch (error) {
      this.warning.warn('Redis for rate limits is failing; requests are let through unlimited', error);
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }

  /**
   * A login attempt proved right: it leaves the IP's log, the email + IP's and the account's counts
   * are cleared, and the client is known to the account for `knownSeconds`.
   */
  async loginSucceeded(keys: LoginAttemptKeys, member: string, knownSeconds: number): Promise<void> {
    try {
      await this.redis.multi().zrem(keys.ip, member).del(keys.pair, keys.account).set(keys.known, '1', 'EX', knownSeconds).exec();
    } catch (error) {
      this.warning.warn('Redis for rate limits is failing; a counter could not be reset', error);
    }
  }

  /** The Redis key of a caller in a bucket: prefix, bucket in clear (for operators), caller hashed. */
  redisKey(bucket: string, key: string): string {
    if (!RATE_LIMIT_BUCKET.test(bucket)) throw new Error(`Rate-limit bucket "${bucket}" must be 1-40 lowercase letters, digits or -`);
    const name = `${bucket}\n${key}`;
    let digest = this.digests.get(name);
    if (digest === undefined) {
      digest = createHmac('sha256', this.secret).update(name).digest('hex').slice(0, 32);
      // Bounded: emptied when full (a burst of new callers only costs their HMACs again).
      if (this.digests.size >= DIGESTS_KEPT) this.digests.clear();
      this.digests.set(name, digest);
    }
    return `${this.prefix}:${bucket}:${digest}`;
  }

  /** A member no other request of any process shares: this process's random prefix and a counter. */
  private nextNonce(): string {
    this.nonceCount = (this.nonceCount + 1) % Number.MAX_SAFE_INTEGER;
    return `${this.noncePrefix}${this.nonceCount.toString(36)}`;
  }

  private async run(mode: 'consume' | 'peek', bucket: string, key: string, rule: RateLimitRule): Promise<RateLimitResult> {
    assertRule(rule);
    const redisKey = this.redisKey(bucket, key);
    try {
      const [allowed, remaining, retryAfterMs] = await this.redis.fairgateRateLimit(
        redisKey, rule.limit, rule.windowSeconds * 1000, mode, this.nextNonce(),
      );
      return allowed === 1
        ? { allowed: true, remaining, retryAfterSeconds: 0 }
        : { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    } catch (error) {
      this.warning.warn('Redis for rate limits is failing; requests are let through unlimited', error);
      return { allowed: true, remaining: rule.limit, retryAfterSeconds: 0 };
    }
  }
}

function assertRule(rule: RateLimitRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new Error(`Rate-limit limit must be a whole number ≥ 1 (got ${rule.limit})`);
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new Error(`Rate-limit windowSeconds must be a whole number ≥ 1 (got ${rule.windowSeconds})`);
  }
}

/** A warning logged at most once per interval; the ones in between are counted and reported with the next. */
export class ThrottledWarning {
  private lastAt = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  warn(message: string, error: unknown): void {
    const now = this.now();
    if (now - this.lastAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn({ reason, suppressedSinceLast: this.suppressed }, message);
    this.lastAt = now;
    this.suppressed = 0;
  }
}
