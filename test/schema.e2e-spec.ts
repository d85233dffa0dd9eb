import { DataSource } from 'typeorm';
import { loadConfig } from '../src/core/config/app-config';
import { dataSourceOptions } from '../src/core/database/data-source-options';
import { createTestDatabase, useTestDataSource } from './support/test-database';

/**
 * The entities and the migrations must describe the same schema: this is what
 * `typeorm migration:generate --check` computes, run on a database built only by migrations.
 */
describe('database schema', () => {
  const database = useTestDataSource();

  it('has no drift between entities and migrations (a schema change needs its migration)', async () => {
    const pending = await database.ds.driver.createSchemaBuilder().log();
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
      await other.release();
    }
  });

  it('has every migration applied and none pending', async () => {
    expect(await database.ds.showMigrations()).toBe(false);
  });

  it('keeps the business rules as constraints in the database', async () => {
    const { rows } = await database.db.pool.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'exhibitor_applications'::regclass AND contype = 'c' ORDER BY conname`,
    );
    expect(rows.map((r) => r.conname)).toEqual([
      'exhibitor_applications_booth_count_check',
      'exhibitor_applications_booth_type_check',
      'exhibitor_applications_brn_check',
      'exhibitor_applications_identifier_kind_brn_check',
      'exhibitor_applications_identifier_kind_check',
      'exhibitor_applications_preferred_kind_check',
      'exhibitor_applications_status_check',
    ]);
    await expect(
      database.db.pool.query(`UPDATE exhibitor_applications SET status = 'accepted-by-magic'`).then(async () =>
        database.db.pool.query(`INSERT INTO outbox_messages (template, recipient, locale, params, status) VALUES ('x','y','en','{}','lost')`),
      ),
    ).rejects.toThrow(/violates check constraint/);
  });

  it('refuses, in the database itself, a hall filled past capacity and a booth given twice', async () => {
    const [hall] = (await database.db.pool.query<{ edition_id: string; space_id: string; booth_capacity: number }>(
      `SELECT edition_id, space_id, booth_capacity FROM edition_halls LIMIT 1`)).rows;
    await expect(database.db.pool.query(`UPDATE edition_halls SET booths_taken = booth_capacity + 1 WHERE edition_id = $1 AND space_id = $2`, [hall.edition_id, hall.space_id]))
      .rejects.toThrow(/edition_halls_capacity_check/);
    const { rows: pk } = await database.db.pool.query<{ cols: string }>(
      `SELECT string_agg(a.attname, ',') AS cols FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = 'booth_assignments'::regclass AND i.indisprimary`);
    expect(pk[0].cols).toBe('booth_id');
  });
});
