/**
 * A schedule published, taken back, and run again: the meetings the participants heard of are
 * kept, moved or cancelled — never silently deleted — so publishing again tells them, and their
 * calendars (same UID, higher SEQUENCE) follow: a moved meeting updates in place, a dropped one
 * gets METHOD:CANCEL. Before the fix the run deleted every draft, announced or not: the dropped
 * meeting stayed in both calendars and the moved one carried SEQUENCE:0, which calendar apps ignore.
 */
import { ParticipantLinks } from '../src/modules/meetings/participant-links';
import { publishedMeetingDay } from './support/meetings';
import type { ReceivedMail } from './support/smtp-sink';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

const API = '/api/editions/green-car-2027/meetings';
const ALL_SLOTS = ['D2027-07-08-1000', 'D2027-07-08-1030', 'D2027-07-08-1130', 'D2027-07-08-1200'];

describe('a schedule run after unpublishing', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const calendarsFor = (mail: ReceivedMail): string[] =>
    mail.parsed.attachments.filter((a) => a.contentType === 'text/calendar').map((a) => a.content.toString('utf8').replace(/\r\n[ \t]/g, ''));

  it('moves and cancels what the participants heard of, and publishing again tells them and their calendars', async () => {
    const { ids } = await publishedMeetingDay(t, organizer, {
      tables: ['T01', 'T02'],
      people: [
        ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['en'], interests: ['ev-powertrain'] }],
        ['munich', { side: 'buyer', companyName: 'Munich Parts GmbH', country: 'DE', contactName: 'Anna Weber', email: 'anna@munich-parts.example', languages: ['en'], interests: ['auto-parts'] }],
        ['motor', { side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: 'Lee Jun', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'] }],
        ['parts', { side: 'exhibitor', companyName: 'Honam Parts', country: 'KR', contactName: 'Choi Min', email: 'min@honam-parts.example', languages: ['ko', 'en'], interests: ['auto-parts'] }],
      ],
      plan: [
        ['hanoi', 'motor', 'D2027-07-08-1000', 'T01'],
        ['munich', 'parts', 'D2027-07-08-1030', 'T02'],
      ],
    });
    const meetingOf = async (buyer: string): Promise<{ id: string; request_id: string; status: string; sequence: number; slot_id: string }> =>
      (
        await t.db.pool.query(
          `SELECT m.id, m.request_id, m.status, m.sequence, m.slot_id FROM meetings m JOIN meeting_requests r ON r.id = m.request_id
            WHERE r.buyer_id = $1 ORDER BY m.sequence DESC LIMIT 1`,
          [ids[buyer]],
        )
      ).rows[0];
    const agendas = (address: string): ReceivedMail[] => t.smtp.received.filter((m) => m.envelopeTo.includes(address) && calendarsFor(m).length > 0);
    await eventually(() => Promise.resolve(agendas('minh@hanoi-ev.example').length + agendas('anna@munich-parts.example').length), (n) => n === 2);
    const hanoiFirst = await meetingOf('hanoi');
    const munichFirst = await meetingOf('munich');

    await t.http.post(`${API}/unpublish`).set('Authorization', organizer).expect(200);
    // While it is taken back: Munich's meeting is moved (its lock), Hanoi is away all day (its own page).
    await t.http.put(`${API}/requests/${munichFirst.request_id}/lock`).set('Authorization', organizer).send({ slot: 'D2027-07-08-1130', table: 'T02' }).expect(200);
    const hanoiToken = t.running.app.get(ParticipantLinks).token(ids.hanoi);
    await t.http.put(`/api/meeting-access/${hanoiToken}/availability`).send({ unavailableSlots: ALL_SLOTS }).expect(200);
    const run = (await t.http.post(`${API}/schedule-runs`).set('Authorization', organizer).send({}).expect(202)).body.id as string;
    await eventually(async () => (await t.http.get(`${API}/schedule-runs/${run}`).set('Authorization', organizer)).body, (r) => r.status === 'done' || r.status === 'failed');

    // Nothing the participants heard of was deleted: Hanoi's meeting is cancelled, Munich's has a next version.
    expect((await t.db.pool.query(`SELECT 1 FROM meetings WHERE id = $1`, [hanoiFirst.id])).rowCount).toBe(1);
    expect(await meetingOf('hanoi')).toMatchObject({ id: hanoiFirst.id, status: 'cancelled', sequence: hanoiFirst.sequence + 1 });
    const munichMoved = await meetingOf('munich');
    expect(munichMoved).toMatchObject({ status: 'scheduled', slot_id: 'D2027-07-08-1130', sequence: munichFirst.sequence + 1 });

    await t.http.post(`${API}/publish`).set('Authorization', organizer).expect(200);
    const hanoiMail = await eventually(() => Promise.resolve(agendas('minh@hanoi-ev.example')), (m) => m.length === 2);
    const cancel = calendarsFor(hanoiMail[1]);
    expect(cancel).toHaveLength(1);
    expect(cancel[0]).toContain('METHOD:CANCEL');
    expect(cancel[0]).toMatch(new RegExp(`UID:[^\\r\\n]*${hanoiFirst.request_id}`));
    expect(cancel[0]).toContain(`SEQUENCE:${hanoiFirst.sequence + 1}`);
    const munichMail = await eventually(() => Promise.resolve(agendas('anna@munich-parts.example')), (m) => m.length === 2);
    const update = calendarsFor(munichMail[1]);
    expect(update).toHaveLength(1);
    expect(update[0]).toContain('METHOD:REQUEST');
    expect(update[0]).toMatch(new RegExp(`UID:[^\\r\\n]*${munichFirst.request_id}`));
    expect(update[0]).toContain(`SEQUENCE:${munichFirst.sequence + 1}`);
  });
});
