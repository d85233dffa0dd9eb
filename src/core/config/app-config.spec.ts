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
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ SMTP_URL: '', PORT: ' ' }).port).toBe(3000);
  });
});
