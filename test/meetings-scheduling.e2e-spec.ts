import ICAL from 'ical.js';
import type { ReceivedMail } from './support/smtp-sink';
import { fourSlotMeetingDay } from './support/meetings';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

const BASE = '/api/editions/green-car-2027/meetings';

/** From requests over HTTP to a stored schedule computed by the engine in a worker job. */
describe('export meetings: requests and the scheduler job', () => {
  let t: TestApp;
  let organizer: string;
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown) => t.http.post(`${BASE}${path}`).set('Authorization', organizer).send(body as object);

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
    await fourSlotMeetingDay(t, organizer, ['T01', 'T02', 'P01']);
    await post('/interpreters', { name: 'Kim Ha-eun', languages: ['vi'] }).expect(201);
    const people: Array<[string, Record<string, unknown>]> = [
      ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['vi'], interests: ['ev-powertrain', 'battery-charging'], tableCode: 'T01' }],
      ['munich', { side: 'buyer', companyName: 'Munich Parts GmbH', country: 'DE', contactName: 'Anna Weber', email: 'anna@munich-parts.example', languages: ['de', 'en'], interests: ['auto-parts'], tableCode: 'T02', unavailableSlots: ['D2027-07-08-1000'] }],
      ['motor', { side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: 'Lee Jun', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'] }],
      ['cell', { side: 'exhibitor', companyName: 'Bitgoeul Cell', country: 'KR', contactName: 'Park Ji', email: 'ji@bitgoeul-cell.example', languages: ['ko'], interests: ['battery-charging'] }],
      ['parts', { side: 'exhibitor', companyName: 'Honam Parts', country: 'KR', contactName: 'Choi Min', email: 'min@honam-parts.example', languages: ['ko', 'en'], interests: ['auto-parts'], maxMeetings: 1 }],
    ];
    for (const [key, body] of people) ids[key] = (await post('/participants', body).expect(201)).body.id;
    await t.smtp.waitFor(people.length); // each participant's private link, before any agenda
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes requests: organizer meetings are accepted at once, others wait for an answer, and expire', async () => {
    const a = await post('/requests', { buyer: ids.hanoi, exhibitor: ids.motor, priority: 'must', requestedBy: 'organizer' }).expect(201);
    expect(a.body).toMatchObject({ status: 'accepted', weight: 3, language: 'vi' }); // no shared language: a Vietnamese interpreter
    const b = await post('/requests', { buyer: ids.hanoi, exhibitor: ids.cell, priority: 'want', requestedBy: 'buyer' }).expect(201);
    expect(b.body.status).toBe('pending');
    await t.http.post(`${BASE}/requests/${b.body.id}/accept`).set('Authorization', organizer).expect(200);
    await post('/requests', { buyer: ids.hanoi, exhibitor: ids.cell, priority: 'nice', requestedBy: 'exhibitor' }).expect(409); // one live request per pair
    const c = await post('/requests', { buyer: ids.munich, exhibitor: ids.parts, priority: 'want', requestedBy: 'exhibitor' }).expect(201);
    expect(c.body.language).toBeNull();
    await t.http.post(`${BASE}/requests/${c.body.id}/accept`).set('Authorization', organizer).expect(200);
    const d = await post('/requests', { buyer: ids.munich, exhibitor: ids.motor, priority: 'nice', requestedBy: 'buyer' }).expect(201);
    await t.http.post(`${BASE}/requests/${d.body.id}/decline`).set('Authorization', organizer).expect(200);
    await t.http.post(`${BASE}/requests/${d.body.id}/accept`).set('Authorization', organizer).expect(409);
    const e = await post('/requests', { buyer: ids.munich, exhibitor: ids.cell, priority: 'must', requestedBy: 'buyer', expiresInHours: 1 }).expect(201);
    await t.db.pool.query(`UPDATE meeting_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`, [e.body.id]);
    const expired = await t.http.post(`${BASE}/requests/${e.body.id}/accept`).set('Authorization', organizer).expect(409);
    expect(expired.body.requestStatus).toBe('expired');
    const f = await post('/requests', { buyer: ids.munich, exhibitor: ids.motor, priority: 'must', requestedBy: 'organizer' }).expect(201);
    await t.http.put(`${BASE}/requests/${f.body.id}/lock`).set('Authorization', organizer).send({ slot: 'D2027-07-08-1200', table: 'T02' }).expect(200);
    ids.locked = f.body.id;
    const bad = await t.http.put(`${BASE}/requests/${f.body.id}/lock`).set('Authorization', organizer).send({ slot: 'D2027-07-08-1100', table: 'T02' }).expect(400);
    expect(bad.body.errors[0].field).toBe('slot'); // 11:00 is the break
  });

  it('runs the scheduler as a job and stores a schedule that keeps every rule', async () => {
    const started = await post('/schedule-runs', {}).expect(202);
    expect(started.body.status).toBe('queued');
    const run = await eventually(
      async () => (await t.http.get(`${BASE}/schedule-runs/${started.body.id}`).set('Authorization', organizer).expect(200)).body,
      (r) => r.status === 'done' || r.status === 'failed',
      30000,
    );
    expect(run).toMatchObject({ status: 'done', error: null, stats: expect.objectContaining({ requests: 4, slots: 4, weight: 10, fairness: 'weight', leftWithout: 0 }) });
    expect(run.progress).toMatchObject({ phase: expect.any(String), weight: expect.any(Number) });
    expect(run.unscheduled).toEqual([]);

    const schedule = (await t.http.get(`${BASE}/schedule`).set('Authorization', organizer).expect(200)).body as Array<Record<string, any>>;
    expect(schedule).toHaveLength(4);
    const locked = schedule.find((m) => m.request === ids.locked)!;
    expect(locked).toMatchObject({ slot: 'D2027-07-08-1200', table: 'T02', startsAt: '2027-07-08T12:00:00+09:00', locked: true });
    const hanoiMotor = schedule.find((m) => m.buyer === 'Hanoi EV Trading' && m.exhibitor === 'Gwangju Motor Co.')!;
    expect(hanoiMotor.table).toBe('T01'); // the buyer hosts at its own table
    expect(hanoiMotor.interpreter).toEqual(expect.any(String));
    const munich = schedule.filter((m) => m.buyer === 'Munich Parts GmbH');
    expect(munich.map((m) => m.slot)).not.toContain('D2027-07-08-1000'); // Munich is away at 10:00
    // No participant twice in one slot, no table twice in one slot: from the database itself.
    const clashes = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM (SELECT participant_id, slot_id FROM meeting_seats GROUP BY 1, 2 HAVING count(*) > 1) x`,
    );
    expect(clashes.rows[0].n).toBe(0);
  });

  it('explains what it cannot schedule, and a second run replaces the draft instead of adding to it', async () => {
    // Honam Parts takes at most one meeting: a second request to it cannot be placed.
    await post('/requests', { buyer: ids.hanoi, exhibitor: ids.parts, priority: 'nice', requestedBy: 'organizer' }).expect(201);
    await post('/schedule-runs', { fairness: 'fair' }).expect(400);
    const started = await post('/schedule-runs', { seed: 7, fairness: 'strict' }).expect(202);
    const run = await eventually(
      async () => (await t.http.get(`${BASE}/schedule-runs/${started.body.id}`).set('Authorization', organizer)).body,
      (r) => r.status === 'done' || r.status === 'failed',
      30000,
    );
    expect(run.status).toBe('done');
    expect(run.stats).toMatchObject({ fairness: 'strict', leftWithout: 0 });
    expect(run.unscheduled).toHaveLength(1);
    expect(run.unscheduled[0].reason).toBe('exhibitor Honam Parts reached its maximum of 1 meetings');
    const count = await t.db.pool.query(`SELECT count(*)::int AS n FROM meetings WHERE status <> 'cancelled'`);
    expect(count.rows[0].n).toBe(4);
  });

  it('refuses a participant in two meetings of one slot at the database', async () => {
    const { rows } = await t.db.pool.query(`SELECT participant_id, slot_id, meeting_id FROM meeting_seats LIMIT 1`);
    const other = await t.db.pool.query(`SELECT id FROM meetings WHERE id <> $1 LIMIT 1`, [rows[0].meeting_id]);
    await expect(
      t.db.pool.query(`INSERT INTO meeting_seats (participant_id, slot_id, meeting_id) VALUES ($1, $2, $3)`, [rows[0].participant_id, rows[0].slot_id, other.rows[0].id]),
    ).rejects.toThrow(/duplicate key value violates unique constraint/);
  });

  /** The calendar events attached to one email: method from the MIME type and from inside, UID, SEQUENCE, start. */
  function calendarsOf(mail: ReceivedMail): Array<{ mime: string; method: string; uid: string; sequence: number; start: string; status: string; attendee: string }> {
    return mail.parsed.attachments
      .filter((a) => a.contentType === 'text/calendar')
      .map((a) => {
        const cal = new ICAL.Component(ICAL.parse(a.content.toString('utf8')));
        ICAL.TimezoneService.register(new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!));
        const vevent = cal.getFirstSubcomponent('vevent')!;
        const event = new ICAL.Event(vevent);
        return {
          mime: String((a.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params?.method).toUpperCase(),
          method: String(cal.getFirstPropertyValue('method')),
          uid: event.uid,
          sequence: event.sequence,
          start: event.startDate.toJSDate().toISOString(),
          status: String(vevent.getFirstPropertyValue('status')),
          attendee: String(vevent.getFirstPropertyValue('attendee')),
        };
      });
  }

  const mailsTo = (address: string, after: number): ReceivedMail[] =>
    t.smtp.received.slice(after).filter((m) => m.envelopeTo.includes(address) && /agenda/.test(m.parsed.subject ?? ''));

  it('publishes: each participant gets its agenda with one calendar invitation per meeting, once', async () => {
    const before = t.smtp.received.length;
    const res = await post('/publish', {}).expect(200);
    expect(res.body).toEqual({ published: 4, notified: 5 });
    await t.smtp.waitFor(before + 5);
    const [hanoiMail] = mailsTo('minh@hanoi-ev.example', before);
    expect(hanoiMail.parsed.subject).toBe('[Fairgate] Your export meeting agenda: 2027 International Green Car Industry Fair');
    expect(hanoiMail.parsed.text).toContain('Gwangju Motor Co. (KR) · table T01 · interpreter: Kim Ha-eun');
    const schedule = (await t.http.get(`${BASE}/schedule`).set('Authorization', organizer)).body as Array<Record<string, any>>;
    const hanoiMotor = schedule.find((m) => m.buyer === 'Hanoi EV Trading' && m.exhibitor === 'Gwangju Motor Co.')!;
    const events = calendarsOf(hanoiMail);
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.uid === `meeting-${hanoiMotor.request}@fairgate`)).toEqual({
      mime: 'REQUEST', method: 'REQUEST', uid: `meeting-${hanoiMotor.request}@fairgate`, sequence: 0,
      start: new Date(hanoiMotor.startsAt).toISOString(), status: 'CONFIRMED', attendee: 'mailto:minh@hanoi-ev.example',
    });
    const locked = calendarsOf(mailsTo('anna@munich-parts.example', before)[0]).find((e) => e.uid === `meeting-${ids.locked}@fairgate`)!;
    expect(locked.start).toBe('2027-07-08T03:00:00.000Z'); // 12:00 KST
    // Nothing changed: publishing again sends nothing.
    expect((await post('/publish', {}).expect(200)).body).toEqual({ published: 0, notified: 0 });
  });

  it('tells both sides of a moved meeting with the same UID and a higher SEQUENCE, and of a dropped one with CANCEL', async () => {
    const schedule = (await t.http.get(`${BASE}/schedule`).set('Authorization', organizer)).body as Array<Record<string, any>>;
    const hanoiMotor = schedule.find((m) => m.buyer === 'Hanoi EV Trading' && m.exhibitor === 'Gwangju Motor Co.')!;
    const munichParts = schedule.find((m) => m.buyer === 'Munich Parts GmbH' && m.exhibitor === 'Honam Parts')!;
    // Gwangju Motor can no longer make that slot; Honam Parts has to leave the fair.
    await t.db.pool.query(`UPDATE meeting_participants SET unavailable_slots = ARRAY[$1] WHERE id = $2`, [hanoiMotor.slot, ids.motor]);
    await t.db.pool.query(
      `UPDATE meeting_participants SET unavailable_slots = ARRAY['D2027-07-08-1000','D2027-07-08-1030','D2027-07-08-1130','D2027-07-08-1200'] WHERE id = $1`,
      [ids.parts],
    );
    const started = await post('/schedule-runs', {}).expect(202);
    const run = await eventually(
      async () => (await t.http.get(`${BASE}/schedule-runs/${started.body.id}`).set('Authorization', organizer)).body,
      (r) => r.status === 'done' || r.status === 'failed',
      30000,
    );
    expect(run.status).toBe('done');
    const before = t.smtp.received.length;
    const res = await post('/publish', {}).expect(200);
    expect(res.body.notified).toBe(4); // Hanoi and Gwangju Motor (move), Munich and Honam Parts (cancellation)
    await t.smtp.waitFor(before + 4);

    const moved = calendarsOf(mailsTo('jun@gj-motor.example', before)[0]).find((e) => e.uid === `meeting-${hanoiMotor.request}@fairgate`)!;
    expect(moved).toMatchObject({ method: 'REQUEST', mime: 'REQUEST', sequence: 1, status: 'CONFIRMED' });
    expect(moved.start).not.toBe(new Date(hanoiMotor.startsAt).toISOString());
    const hanoiUpdate = mailsTo('minh@hanoi-ev.example', before)[0];
    expect(hanoiUpdate.parsed.subject).toBe('[Fairgate] Your export meeting agenda has changed: 2027 International Green Car Industry Fair');
    expect(calendarsOf(hanoiUpdate).map((e) => e.uid)).toEqual([`meeting-${hanoiMotor.request}@fairgate`]); // only what changed

    const cancelled = calendarsOf(mailsTo('min@honam-parts.example', before)[0]);
    expect(cancelled).toEqual([expect.objectContaining({ uid: `meeting-${munichParts.request}@fairgate`, method: 'CANCEL', mime: 'CANCEL', sequence: 1, status: 'CANCELLED' })]);
    expect(mailsTo('anna@munich-parts.example', before)[0].parsed.text).toContain('Cancelled:');
  });

  it('moves a published meeting by hand: checked against the rules, both sides get the update', async () => {
    const schedule = (await t.http.get(`${BASE}/schedule`).set('Authorization', organizer)).body as Array<Record<string, any>>;
    const hanoiCell = schedule.find((m) => m.buyer === 'Hanoi EV Trading' && m.exhibitor === 'Bitgoeul Cell')!;
    const hanoiMotor = schedule.find((m) => m.buyer === 'Hanoi EV Trading' && m.exhibitor === 'Gwangju Motor Co.')!;
    // Into Hanoi's other meeting's slot: Hanoi would sit in two meetings at once (rule 2).
    const clash = await post(`/schedule/${hanoiCell.id}/move`, { slot: hanoiMotor.slot }).expect(409);
    expect(clash.body.message).toMatch(/^The change breaks a scheduling rule: .*Hanoi EV Trading/);
    expect(clash.body.violations[0].rule).toBe(2);
    const free = ['D2027-07-08-1000', 'D2027-07-08-1030', 'D2027-07-08-1130', 'D2027-07-08-1200'].find((s) => s !== hanoiCell.slot && s !== hanoiMotor.slot)!;
    const before = t.smtp.received.length;
    const moved = await post(`/schedule/${hanoiCell.id}/move`, { slot: free }).expect(200);
    expect(moved.body).toEqual({ meetings: [hanoiCell.id], notified: 2 });
    await t.smtp.waitFor(before + 2);
    const event = calendarsOf(mailsTo('ji@bitgoeul-cell.example', before)[0])[0];
    expect(event).toMatchObject({ uid: `meeting-${hanoiCell.request}@fairgate`, method: 'REQUEST', sequence: 1 });
    expect(event.start).toBe(new Date(`${free.slice(1, 11)}T${free.slice(12, 14)}:${free.slice(14, 16)}:00+09:00`).toISOString());
  });

  it('freezes the schedule: no runs and no moves until unfrozen; a cancellation then sends CANCEL', async () => {
    const schedule = (await t.http.get(`${BASE}/schedule`).set('Authorization', organizer)).body as Array<Record<string, any>>;
    const one = schedule.find((m) => m.buyer === 'Hanoi EV Trading' && m.exhibitor === 'Bitgoeul Cell')!;
    await post('/schedule/freeze', {}).expect(200);
    expect((await post(`/schedule/${one.id}/cancel`, {}).expect(409)).body.frozen).toBe(true);
    await post('/schedule-runs', {}).expect(409);
    await post('/schedule/unfreeze', {}).expect(200);
    const before = t.smtp.received.length;
    expect((await post(`/schedule/${one.id}/cancel`, {}).expect(200)).body.notified).toBe(2);
    await t.smtp.waitFor(before + 2);
    expect(calendarsOf(mailsTo('minh@hanoi-ev.example', before)[0])[0]).toMatchObject({ uid: `meeting-${one.request}@fairgate`, method: 'CANCEL', sequence: 2, status: 'CANCELLED' });
    const seats = await t.db.pool.query(`SELECT count(*)::int AS n FROM meeting_seats WHERE meeting_id = $1`, [one.id]);
    expect(seats.rows[0].n).toBe(0);
  });

  it('swaps the slots of two meetings when the rules allow it, and names the rule when not', async () => {
    const schedule = (await t.http.get(`${BASE}/schedule`).set('Authorization', organizer)).body as Array<Record<string, any>>;
    const a = schedule.find((m) => m.buyer === 'Hanoi EV Trading' && m.exhibitor === 'Gwangju Motor Co.')!;
    const b = schedule.find((m) => m.request === ids.locked)!; // Munich × Gwangju Motor, 12:00
    const res = await post('/schedule/swap', { meetings: [a.id, b.id] });
    if (a.slot === 'D2027-07-08-1000') {
      // Munich is away at 10:00: the swap must be refused, naming Munich.
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('Munich Parts GmbH');
    } else {
      expect(res.status).toBe(200);
      const after = (await t.http.get(`${BASE}/schedule`).set('Authorization', organizer)).body as Array<Record<string, any>>;
      expect(after.find((m) => m.id === a.id)!.slot).toBe(b.slot);
      expect(after.find((m) => m.id === b.id)!.slot).toBe(a.slot);
      expect(after.find((m) => m.id === a.id)!.table).toBe(a.table); // tables stay with their hosts
    }
    const clashes = await t.db.pool.query(`SELECT count(*)::int AS n FROM (SELECT participant_id, slot_id FROM meeting_seats GROUP BY 1, 2 HAVING count(*) > 1) x`);
    expect(clashes.rows[0].n).toBe(0);
  });

  it('exports the schedule as CSV for Excel and shows each participant its agenda', async () => {
    const res = await t.http.get(`${BASE}/schedule.csv`).set('Authorization', organizer).expect(200).expect('content-type', /text\/csv/);
    expect(res.text.startsWith('\uFEFFday,start,end,table,buyer,buyer_country,exhibitor,interpreter,priority,status\r\n')).toBe(true);
    const live = (await t.http.get(`${BASE}/schedule`).set('Authorization', organizer)).body as Array<Record<string, any>>;
    expect(res.text.trim().split('\r\n')).toHaveLength(live.length + 1);
    expect(res.text).toContain('Hanoi EV Trading,VN,Gwangju Motor Co.,Kim Ha-eun,must');
    const agenda = (await t.http.get(`${BASE}/participants/${ids.motor}/agenda`).set('Authorization', organizer).expect(200)).body;
    expect(agenda.companyName).toBe('Gwangju Motor Co.');
    expect(agenda.meetings.map((m: { counterpart: string }) => m.counterpart).sort()).toEqual(['Hanoi EV Trading', 'Munich Parts GmbH']);
    const times = agenda.meetings.map((m: { startsAt: string }) => m.startsAt);
    expect([...times].sort()).toEqual(times);
  });

  it('lets only organizers in', async () => {
    await t.http.get(`${BASE}/participants`).expect(401);
  });
});
