import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/fairgate');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.smtpUrl).toBeUndefined();
    expect(c.port).toBe(3000);
    expect(c.role).toBe('all');
    expect(c.runsApi && c.runsWorkers).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.migrateOnStart).toBe(true);
    expect(c.databaseName).toBe('fairgate');
    expect(c.redis).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0 });
    expect([c.mailRatePerSecond, c.mailConcurrency]).toEqual([50, 5]);
    expect([loadConfig({ MAIL_RATE_PER_SECOND: '200', MAIL_CONCURRENCY: '20' })].map((x) => [x.mailRatePerSecond, x.mailConcurrency])).toEqual([[200, 20]]);
    // The pool: 10, or room for every email in flight plus 5; DATABASE_POOL_SIZE when set.
    // SMTP connections: as many as mail jobs in flight, unless MAIL_SMTP_CONNECTIONS says fewer.
    expect([c.mailSmtpConnections, loadConfig({ MAIL_CONCURRENCY: '10' }).mailSmtpConnections, loadConfig({ MAIL_CONCURRENCY: '10', MAIL_SMTP_CONNECTIONS: '5' }).mailSmtpConnections]).toEqual([5, 10, 5]);
    expect([c.databasePoolSize, loadConfig({ MAIL_CONCURRENCY: '20' }).databasePoolSize, loadConfig({ DATABASE_POOL_SIZE: '24' }).databasePoolSize]).toEqual([10, 25, 24]);
    // BullMQ's own defaults unless set; tests shorten them to see a killed worker's jobs come back sooner.
    expect([c.jobLockDurationMs, c.jobStalledIntervalMs]).toEqual([30_000, 30_000]);
    expect(() => loadConfig({ JOB_LOCK_DURATION_MS: '500' })).toThrow(/JOB_LOCK_DURATION_MS/);
  });

  it('reads roles, booleans, numbers and URLs', () => {
    const c = loadConfig({
      APP_ROLE: 'worker', MIGRATE_ON_START: 'false', PORT: '8080', PUBLIC_URL: 'https://fairgate.example/',
      REDIS_URL: 'redis://:s3cret@cache:6380/2', MAIL_FROM: 'KDJ Fairs <fairs@kdjcenter.example>',
    });
    expect(c.role).toBe('worker');
    expect(c.runsApi).toBe(false);
    expect(c.migrateOnStart).toBe(false);
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe('https://fairgate.example');
    expect(c.redis).toMatchObject({ host: 'cache', port: 6380, password: 's3cret', db: 2 });
    expect(c.mailDomain).toBe('kdjcenter.example');
  });

  it.each([
    [{ PORT: 'eighty' }, /^Configuration error: PORT must be a whole number between 0 and 65535 \(got "eighty"\)\.$/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ APP_ROLE: 'both' }, /APP_ROLE must be one of all, api, worker/],
    [{ DATABASE_URL: 'mysql://localhost/x' }, /DATABASE_URL must look like postgres:\/\//],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL must look like redis:\/\//],
    [{ SMTP_URL: 'mailpit:1025' }, /SMTP_URL must look like smtp:\/\//],
    [{ MAIL_FROM: 'nobody' }, /MAIL_FROM must be an address/],
    [{ MIGRATE_ON_START: 'maybe' }, /MIGRATE_ON_START must be true or false/],
    [{ MAIL_RATE_PER_SECOND: '0' }, /MAIL_RATE_PER_SECOND must be a whole number of emails per second/],
    [{ MAIL_CONCURRENCY: 'many' }, /MAIL_CONCURRENCY must be a whole number from 1 to 200/],
    [{ MAIL_SMTP_CONNECTIONS: '0' }, /MAIL_SMTP_CONNECTIONS must be a whole number from 1 to 200/],
    [{ DATABASE_POOL_SIZE: '2' }, /DATABASE_POOL_SIZE must be a whole number of connections from 4 to 200/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('gives rate limits and the proxy trust their defaults, and reads them', () => {
    const d = loadConfig({});
    expect(d.trustProxy).toBe('loopback');
    expect(d.rateLimitPrefix).toBe('fairgate');
    expect([d.rateLimitSignupPerHour, d.rateLimitResetPerHour, d.rateLimitRegistrationPerMinute]).toEqual([20, 10, 60]);
    expect([d.loginMaxFailures, d.loginMaxFailuresPerIp, d.loginFailureWindowSeconds]).toEqual([5, 50, 900]);
    expect(loadConfig({ QUEUE_PREFIX: 'fg-test' }).rateLimitPrefix).toBe('fg-test');
    const c = loadConfig({
      QUEUE_PREFIX: 'fg-test', RATE_LIMIT_PREFIX: 'limits', RATE_LIMIT_SIGNUP_PER_HOUR: '3', RATE_LIMIT_RESET_PER_HOUR: '4',
      RATE_LIMIT_REGISTRATION_PER_MINUTE: '5', LOGIN_MAX_FAILURES: '6', LOGIN_MAX_FAILURES_PER_IP: '7', LOGIN_FAILURE_WINDOW_SECONDS: '8',
    });
    expect(c.rateLimitPrefix).toBe('limits');
    expect([c.rateLimitSignupPerHour, c.rateLimitResetPerHour, c.rateLimitRegistrationPerMinute]).toEqual([3, 4, 5]);
    expect([c.loginMaxFailures, c.loginMaxFailuresPerIp, c.loginFailureWindowSeconds]).toEqual([6, 7, 8]);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback,10.0.0.0/8 , fd00::/8' }).trustProxy).toBe('loopback, 10.0.0.0/8, fd00::/8');
  });

  it.each([
    [{ TRUST_PROXY: 'nginx' }, /TRUST_PROXY must be false, true, a number of proxy hops/],
    [{ TRUST_PROXY: 'loopback;rm' }, /TRUST_PROXY must be/],
    [{ RATE_LIMIT_PREFIX: 'a:b' }, /RATE_LIMIT_PREFIX must be 1-64 letters/],
    [{ RATE_LIMIT_SIGNUP_PER_HOUR: '0' }, /RATE_LIMIT_SIGNUP_PER_HOUR must be a whole number from 1/],
    [{ RATE_LIMIT_RESET_PER_HOUR: 'ten' }, /RATE_LIMIT_RESET_PER_HOUR must be a whole number/],
    [{ RATE_LIMIT_REGISTRATION_PER_MINUTE: '1.5' }, /RATE_LIMIT_REGISTRATION_PER_MINUTE must be a whole number/],
    [{ LOGIN_MAX_FAILURES: '0' }, /LOGIN_MAX_FAILURES must be a whole number from 1 to 1000/],
    [{ LOGIN_MAX_FAILURES_PER_IP: '-1' }, /LOGIN_MAX_FAILURES_PER_IP must be a whole number/],
    [{ LOGIN_FAILURE_WINDOW_SECONDS: '86401' }, /LOGIN_FAILURE_WINDOW_SECONDS must be a whole number of seconds/],
  ])('refuses rate-limit setting %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ SMTP_URL: '', PORT: ' ' }).port).toBe(3000);
  });
});
