/** Where the test suites find PostgreSQL and Redis; CI and developers' machines use the defaults. */
export const TEST_PG_ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEMPLATE_DB_ENV = 'FAIRGATE_TEST_TEMPLATE_DB';
/** The pid of the Jest run, part of every test database's name so stale ones can be told apart. */
export const TEST_RUN_ENV = 'FAIRGATE_TEST_RUN';

export function urlForDatabase(name: string): string {
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
