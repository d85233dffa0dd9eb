import { DataSource } from 'typeorm';
import { loadConfig } from '../src/core/config/app-config';
import { dataSourceOptions } from '../src/core/database/data-source-options';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The entities and the migrations must describe the same schema: this is what
 * `typeorm migration:generate --check` computes, run on a database built only by migrations.
 */
describe('database schema', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: db.url })));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('has no drift between entities and migrations (a schema change needs its migration)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('would see drift: with the last migration undone, the entities ask for changes', async () => {
    const other = await createTestDatabase();
    const otherDs = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: other.url })));
    try {
      await otherDs.initialize();
      await otherDs.undoLastMigration();
      const pending = await otherDs.driver.createSchemaBuilder().log();
      expect(pending.upQueries.length).toBeGreaterThan(0);
    } finally {
      await otherDs.destroy();
      await other.drop();
    }
  });

  it('has every migration applied and none pending', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });

  it('keeps the business rules as constraints in the database', async () => {
    const { rows } = await db.pool.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'exhibitor_applications'::regclass AND contype = 'c' ORDER BY conname`,
    );
    expect(rows.map((r) => r.conname)).toEqual([
      'exhibitor_applications_booth_count_check',
      'exhibitor_applications_booth_type_check',
      'exhibitor_applications_brn_check',
      'exhibitor_applications_status_check',
    ]);
    await expect(
      db.pool.query(`UPDATE exhibitor_applications SET status = 'accepted-by-magic'`).then(async () =>
        db.pool.query(`INSERT INTO outbox_messages (template, recipient, locale, params, status) VALUES ('x','y','en','{}','lost')`),
      ),
    ).rejects.toThrow(/violates check constraint/);
  });
});
