import { fourSlotMeetingDay } from './support/meetings';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

const BASE = '/api/editions/green-car-2027/meetings';
const S1000 = 'D2027-07-08-1000';
const S1030 = 'D2027-07-08-1030';
const S1130 = 'D2027-07-08-1130';
const S1200 = 'D2027-07-08-1200';

/**
 * Issue 12, item 13: a lock was stored without any check (one needing an interpreter nobody has
 * was accepted), the next scheduler run then failed outright, and a lock could not be taken back.
 * A lock is now checked like a hand move (409 naming the rule), can be unlocked, and a run whose
 * lock became impossible later finishes and reports that lock among the unscheduled requests.
 */
describe('export meetings: locks checked like moves, unlock, and runs that survive an impossible lock', () => {
  let t: TestApp;
  let organizer: string;
  const ids: Record<string, string> = {};
  const req: Record<string, string> = {};

  const post = (path: string, body: unknown) => t.http.post(`${BASE}${path}`).set('Authorization', organizer).send(body as object);
  const lock = (request: string, body: Record<string, unknown>) => t.http.put(`${BASE}/requests/${request}/lock`).set('Authorization', organizer).send(body);
  const unlock = (request: string) => t.http.delete(`${BASE}/requests/${request}/lock`).set('Authorization', organizer);
  const lockedOf = async (request: string): Promise<unknown> =>
    ((await t.http.get(`${BASE}/requests`).set('Authorization', organizer).expect(200)).body as Array<{ id: string; locked: unknown }>).find((r) => r.id === request)!.locked;
  const runToEnd = async (): Promise<Record<string, any>> => {
    const started = await post('/schedule-runs', {}).expect(202);
    return eventually(
      async () => (await t.http.get(`${BASE}/schedule-runs/${started.body.id}`).set('Authorization', organizer).expect(200)).body,
      (r) => r.status === 'done' || r.status === 'failed',
      60_000,
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
    await fourSlotMeetingDay(t, organizer, ['T01', 'T02', 'P01', 'P02']);
    ids.kim = (await post('/interpreters', { name: 'Kim Ha-eun', languages: ['vi'] }).expect(201)).body.id;
    const people: Array<[string, Record<string, unknown>]> = [
      ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['vi'], interests: ['ev-powertrain'], tableCode: 'T01' }],
      ['tokyo', { side: 'buyer', companyName: 'Tokyo Mobility KK', country: 'JP', contactName: 'Sato Yui', email: 'yui@tokyo-mobility.example', languages: ['ja'], interests: ['ev-powertrain'] }],
      ['munich', { side: 'buyer', companyName: 'Munich Parts GmbH', country: 'DE', contactName: 'Anna Weber', email: 'anna@munich-parts.example', languages: ['de', 'en'], interests: ['auto-parts'], unavailableSlots: [S1000] }],
      ['motor', { side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: 'Lee Jun', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'] }],
      ['cell', { side: 'exhibitor', companyName: 'Bitgoeul Cell', country: 'KR', contactName: 'Park Ji', email: 'ji@bitgoeul-cell.example', languages: ['ko'], interests: ['ev-powertrain'] }],
    ];
    for (const [key, body] of people) ids[key] = (await post('/participants', body).expect(201)).body.id;
    for (const [key, buyer, exhibitor] of [
      ['tokyoCell', 'tokyo', 'cell'],
      ['hanoiMotor', 'hanoi', 'motor'],
      ['hanoiCell', 'hanoi', 'cell'],
      ['munichMotor', 'munich', 'motor'],
    ]) {
      req[key] = (await post('/requests', { buyer: ids[buyer], exhibitor: ids[exhibitor], priority: 'must', requestedBy: 'organizer' }).expect(201)).body.id;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a lock that needs an interpreter nobody has, with 409 naming rule 4, and stores nothing', async () => {
    const res = await lock(req.tokyoCell, { slot: S1000, table: 'P01' }).expect(409);
    expect(res.body.code).toBe('CONFLICT');
    expect(res.body.message).toContain('The lock breaks a scheduling rule');
    expect(res.body.message).toContain('needs a ja interpreter');
    expect(res.body.violations[0]).toMatchObject({ rule: 4, code: 'interpreter-missing' });
    expect(await lockedOf(req.tokyoCell)).toBeNull();
  });

  it('refuses a lock where a participant is away, at another host table, or already locked into that slot', async () => {
    const away = await lock(req.munichMotor, { slot: S1000, table: 'P01' }).expect(409);
    expect(away.body.violations[0]).toMatchObject({ rule: 2, code: 'participant-unavailable' });
    expect(away.body.message).toContain('Munich Parts GmbH is unavailable');
    const wrongTable = await lock(req.hanoiMotor, { slot: S1030, table: 'T02' }).expect(409);
    expect(wrongTable.body.violations[0]).toMatchObject({ rule: 3, code: 'wrong-table' });

    const ok = await lock(req.hanoiMotor, { slot: S1030, table: 'T01' }).expect(200);
    expect(ok.body.locked).toEqual({ slot: S1030, table: 'T01' });
    const twice = await lock(req.hanoiCell, { slot: S1030, table: 'T01' }).expect(409);
    expect(twice.body.violations.map((v: { code: string }) => v.code)).toEqual(expect.arrayContaining(['participant-double-booked', 'table-double-booked']));
    expect(twice.body.message).toContain('Hanoi EV Trading');
    expect(await lockedOf(req.hanoiCell)).toBeNull();
  });

  it('unlocks: DELETE …/lock clears the lock (twice changes nothing), and the slot is free for another lock', async () => {
    expect((await unlock(req.hanoiMotor).expect(200)).body.locked).toBeNull();
    expect((await unlock(req.hanoiMotor).expect(200)).body.locked).toBeNull();
    expect(await lockedOf(req.hanoiMotor)).toBeNull();
    await lock(req.hanoiCell, { slot: S1030, table: 'T01' }).expect(200);
    await unlock('00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('a run whose locks became impossible afterwards finishes, schedules the rest, and names each broken lock', async () => {
    // Both locks were fine when set: hanoi × cell at 10:30 with Kim (vi), munich × motor at 12:00 on P02.
    await lock(req.munichMotor, { slot: S1200, table: 'P02' }).expect(200);
    // Later changes: the only Vietnamese interpreter is away at 10:30, and table P02 is gone.
    await t.db.pool.query(`UPDATE meeting_interpreters SET unavailable_slots = $2 WHERE id = $1`, [ids.kim, [S1030]]);
    await t.http.put(`${BASE}/tables`).set('Authorization', organizer).send({ codes: ['T01', 'T02', 'P01'] }).expect(200);

    const run = await runToEnd();
    expect(run).toMatchObject({ status: 'done', error: null });
    const reasons = new Map((run.unscheduled as Array<{ request: string; reason: string }>).map((u) => [u.request, u.reason]));
    expect(reasons.get(req.hanoiCell)).toBe(`locked at ${S1030}, but no interpreter for vi is free in ${S1030}`);
    expect(reasons.get(req.munichMotor)).toBe(`locked at ${S1200} / P02, but table P02 no longer exists`);
    expect((run.stats.brokenLocks as Array<{ request: string }>).map((b) => b.request).sort()).toEqual([req.hanoiCell, req.munichMotor].sort());
    // The request without a lock is scheduled as usual.
    const schedule = (await t.http.get(`${BASE}/schedule`).set('Authorization', organizer).expect(200)).body as Array<{ request: string; slot: string }>;
    expect(schedule.map((m) => m.request)).toContain(req.hanoiMotor);
    expect(schedule.map((m) => m.request)).not.toContain(req.hanoiCell);

    // Unlocked, the request is placed by the next run wherever the rules allow.
    await unlock(req.hanoiCell).expect(200);
    const again = await runToEnd();
    expect(again.status).toBe('done');
    expect((again.unscheduled as Array<{ request: string }>).map((u) => u.request)).not.toContain(req.hanoiCell);
    expect([S1000, S1130, S1200]).toContain(
      ((await t.http.get(`${BASE}/schedule`).set('Authorization', organizer).expect(200)).body as Array<{ request: string; slot: string }>).find((m) => m.request === req.hanoiCell)!.slot,
    );
  });
});
