import { MeetingsService } from '../src/modules/meetings/meetings.service';
import { bearer, startTestApp, type TestApp } from './support/test-app';

const TABLES = '/api/editions/green-car-2027/meetings/tables';

/**
 * PUT …/meetings/tables replaces the list. Replacements sent at once (two organizers, a double
 * click, the authorization matrix's parallel requests) each deleted the old list and inserted their
 * own; the later insert hit the earlier one's rows and answered 500. They now take turns.
 */
describe('export meetings: the table list replaced by several requests at once', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
  });
  afterAll(async () => {
    MeetingsService.testSwitches.unlockedTables = false;
    await t?.close();
  });

  const replaceAtOnce = (lists: string[][]) =>
    Promise.all(lists.map((codes) => t.http.put(TABLES).set('Authorization', organizer).send({ codes }).then((r) => r.status)));
  const stored = async (): Promise<string[]> =>
    (await t.db.pool.query<{ code: string }>(`SELECT t.code FROM meeting_tables t JOIN fair_editions e ON e.id = t.edition_id WHERE e.code = 'green-car-2027'`)).rows.map((r) => r.code);
  // Overlapping lists: every two of them share codes, so an unguarded pair collides on the unique code.
  const lists = Array.from({ length: 12 }, (_, i) => ['T01', 'T02', 'T03', `X${String(i).padStart(2, '0')}`]);

  it('answers 200 to each and keeps one whole list, never a mix', async () => {
    for (let round = 0; round < 3; round++) {
      const statuses = await replaceAtOnce(lists);
      expect(statuses).toEqual(lists.map(() => 200));
      const now = await stored();
      expect(lists.map((l) => [...l].sort().join())).toContain([...now].sort().join());
    }
  });

  it('negative control: without the lock, replacements at once collide', async () => {
    MeetingsService.testSwitches.unlockedTables = true;
    let failed = 0;
    try {
      // A few rounds: the collision needs two requests inside each other's transaction.
      for (let round = 0; round < 5 && failed === 0; round++) failed += (await replaceAtOnce(lists)).filter((s) => s !== 200).length;
    } finally {
      MeetingsService.testSwitches.unlockedTables = false;
    }
    console.log(`negative control (tables): ${failed} replacements failed`);
    expect(failed).toBeGreaterThan(0);
  });
});
