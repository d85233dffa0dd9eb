import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { StartupError } from '../database/database-lifecycle';

/**
 * Refuses to start on a Redis that is out of reach, or that may evict keys: BullMQ loses
 * jobs under any maxmemory-policy other than noeviction.
 */
export async function checkRedis(config: AppConfig): Promise<void> {
  const { host, port } = config.redis;
  const redis = new Redis({
    ...config.redis,
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => (lastError = error)); // reported below, once
  try {
    await redis.connect();
    const info = await redis.info('memory');
    const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
    if (policy && policy !== 'noeviction') {
      throw new StartupError(
        `Redis at ${host}:${port} (REDIS_URL) has maxmemory-policy ${policy}; BullMQ needs noeviction or it loses jobs. ` +
          `Run: redis-cli -h ${host} -p ${port} CONFIG SET maxmemory-policy noeviction (and set it in redis.conf).`,
      );
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const cause = lastError ?? error;
    const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\.+$/, '');
    throw new StartupError(
      `Redis is not reachable at ${host}:${port} (REDIS_URL): ${reason}. Start it (here: redis-server --daemonize yes ...; ` +
        `elsewhere: docker compose up -d redis) or set REDIS_URL.`,
    );
  } finally {
    redis.disconnect();
  }
}
