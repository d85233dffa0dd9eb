import ICAL from 'ical.js';
import type { Queue } from 'bullmq';
import { getQueueToken } from '@nestjs/bullmq';
import { Queues } from '../src/core/queue/job-catalogue';
import { ItineraryService } from '../src/modules/attendees/itinerary.service';
import { itemReminderKey } from '../src/modules/attendees/reminder-scheduler';
import { mailTo } from './support/exhibitors';
import type { ReceivedMail } from './support/smtp-sink';
import { bearer, eventually, mailSettled, startTestApp, type TestApp } from './support/test-app';

const EDITION = 'ppuri-2027'; // 2027-04-28 … 2027-04-30
const DEBOUNCE_SECONDS = 1;

interface Invitation { method: string; mimeMethod: string; uid: string; sequence: number; status: string; start: Date; summary: string }

/** Every calendar attached to a mail, parsed by a real iCalendar parser. */
function invitations(mail: ReceivedMail): Invitation[] {
  return mail.parsed.attachments.filter((a) => a.contentType === 'text/calendar').map((a) => {
    const comp = new ICAL.Component(ICAL.parse(a.content.toString('utf8')));
    const vevent = comp.getFirstSubcomponent('vevent')!;
    const ev = new ICAL.Event(vevent);
    const mimeMethod = String((a.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params?.method ?? '');
    return {
      method: String(comp.getFirstPropertyValue('method')), mimeMethod: mimeMethod.toUpperCase(), uid: ev.uid, sequence: ev.sequence,
      status: String(vevent.getFirstPropertyValue('status')), start: ev.startDate.toJSDate(), summary: ev.summary,
    };
  });
}

/** Itineraries: composed after changes settle (one email per burst), RFC 5546 updates, reminders that never go stale. */
describe('attendee itineraries', () => {
  let t: TestApp;
  let organizer: string;
  let token: string;
  let attendeeId: string;
  const email = `itinerary-${process.pid}@visitor.example`;
  const sessions: string[] = [];
  const mailsTo = (): ReceivedMail[] => t.smtp.received.filter((m) => m.envelopeTo.includes(email));
  const itineraryMails = (): ReceivedMail[] => mailsTo().filter((m) => /itinerary/i.test(m.parsed.subject ?? ''));

  beforeAll(async () => {
    t = await startTestApp({ env: { ITINERARY_DEBOUNCE_SECONDS: String(DEBOUNCE_SECONDS) } });
    organizer = await bearer(t);
    for (const [title, start, end] of [['Casting today', '2027-04-28T14:00:00+09:00', '2027-04-28T15:00:00+09:00'], ['Mold design', '2027-04-29T10:00:00+09:00', '2027-04-29T11:00:00+09:00']]) {
      const res = await t.http.post(`/api/editions/${EDITION}/conference-sessions`).set('Authorization', organizer)
        .send({ titleKo: title, titleEn: title, speakers: ['Dr. Park'], room: 'R201', startsAt: start, endsAt: end, capacity: 50 }).expect(201);
      sessions.push(res.body.id as string);
    }
    const reg = await t.http.post(`/api/editions/${EDITION}/attendees`).send({
      name: 'Maria Lopez', email, company: 'Lopez Metals', country: 'ES', kind: 'buyer', days: ['2027-04-28', '2027-04-29'],
      language: 'en', consentMessages: true, consentShareContact: false,
    }).expect(201);
    attendeeId = reg.body.id as string;
    const link = await mailTo(t, email, /registration/i);
    token = /\/attendee\/([A-Za-z0-9_-]{43})/.exec(link.parsed.text ?? '')![1];
  });
  afterAll(async () => {
    await t?.close();
  });

  /**
   * Waits until itineraries have settled after changes made before `changedAt` (ms): an itinerary
   * sweep that began once their debounce had passed has finished — it composed everything due — and
   * every email it queued has gone out. Then "nothing more may come" can be checked, on any machine.
   */
  async function itinerariesSettled(changedAt: number, timeoutMs = 60_000): Promise<void> {
    const queue = t.running.app.get<Queue>(getQueueToken(Queues.Attendees));
    const due = changedAt + DEBOUNCE_SECONDS * 1000;
    await eventually(
      async () => (await queue.getCompleted(0, 50)).some((job) => job.name === 'itinerary.sweep' && (job.processedOn ?? 0) >= due),
      (swept) => swept,
      timeoutMs,
    );
    await mailSettled(t, timeoutMs);
  }

  it('sends the first itinerary once the attendee confirms: exhibition days in Seoul time, one REQUEST per item', async () => {
    await t.http.post(`/api/attendee-access/${token}/confirm`).expect(200);
    const mail = await mailTo(t, email, /itinerary/i);
    const cals = invitations(mail);
    expect(cals).toHaveLength(2);
    for (const c of cals) expect(c).toMatchObject({ method: 'REQUEST', mimeMethod: 'REQUEST', sequence: 0, status: 'CONFIRMED' });
    expect(cals.map((c) => c.start.toISOString()).sort()).toEqual(['2027-04-28T01:00:00.000Z', '2027-04-29T01:00:00.000Z']); // 10:00 KST
    expect(mail.parsed.text).toContain('Wed 28 Apr 2027, 10:00 AM');
  });

  it('sends one update for a burst of changes, not one per change', async () => {
    const before = itineraryMails().length;
    for (const id of sessions) await t.http.post(`/api/attendee-access/${token}/sessions/${id}`).expect(200);
    await t.http.delete(`/api/attendee-access/${token}/sessions/${sessions[1]}`).expect(200);
    await t.http.post(`/api/attendee-access/${token}/sessions/${sessions[1]}`).expect(200);
    const lastChange = Date.now();
    await eventually(() => Promise.resolve(itineraryMails().length), (n) => n > before, 30_000);
    await itinerariesSettled(lastChange); // a sweep past the debounce has run and its mail is out: nothing more may come
    const mails = itineraryMails().slice(before);
    expect(mails).toHaveLength(1);
    const cals = invitations(mails[0]);
    expect(cals.map((c) => [c.summary, c.sequence, c.method]).sort()).toEqual([['Casting today', 0, 'REQUEST'], ['Mold design', 0, 'REQUEST']]);
  });

  it('updates the calendar in place when a session moves (same UID, SEQUENCE + 1) and cancels it when it is dropped', async () => {
    const first = itineraryMails().length;
    await t.http.patch(`/api/editions/${EDITION}/conference-sessions/${sessions[0]}`).set('Authorization', organizer)
      .send({ startsAt: '2027-04-28T16:00:00+09:00', endsAt: '2027-04-28T17:00:00+09:00' }).expect(200);
    const moved = invitations(await eventually(() => Promise.resolve(itineraryMails()[first]), (m) => m !== undefined));
    expect(moved).toEqual([expect.objectContaining({ summary: 'Casting today', sequence: 1, method: 'REQUEST', mimeMethod: 'REQUEST' })]);
    expect(moved[0].start.toISOString()).toBe('2027-04-28T07:00:00.000Z');

    await t.http.delete(`/api/editions/${EDITION}/conference-sessions/${sessions[1]}`).set('Authorization', organizer).expect(204);
    const cancelled = invitations(await eventually(() => Promise.resolve(itineraryMails()[first + 1]), (m) => m !== undefined));
    expect(cancelled).toEqual([expect.objectContaining({ summary: 'Mold design', sequence: 1, method: 'CANCEL', mimeMethod: 'CANCEL', status: 'CANCELLED' })]);

    const uids = new Set([...invitations(itineraryMails()[first - 1]), ...moved].filter((c) => c.summary === 'Casting today').map((c) => c.uid));
    expect(uids.size).toBe(1);

    const json = await t.http.get(`/api/attendee-access/${token}/itinerary`).expect(200);
    expect(json.body.items.map((i: { kind: string }) => i.kind)).toEqual(['exhibition', 'session', 'exhibition']);
    const page = await t.http.get(`/attendee/${token}?lang=en`).expect(200);
    expect(page.text).toContain('My itinerary');
    expect(page.text).toMatch(/Wed 28 Apr 2027, 4:00 PM–5:00 PM<\/strong> Casting today/);
    expect(page.text).toContain(`/api/attendee-access/${token}/itinerary.ics`);
    const ics = await t.http.get(`/api/attendee-access/${token}/itinerary.ics`).expect(200).expect('content-type', /text\/calendar/);
    const file = new ICAL.Component(ICAL.parse(ics.text));
    expect(file.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(file.getAllSubcomponents('vevent')).toHaveLength(3);
  });

  it('moves the reminder with the session and never sends a stale one, nor one twice', async () => {
    const queue = t.running.app.get<Queue>(getQueueToken(Queues.Attendees));
    const oldKey = itemReminderKey(attendeeId, `itinerary-${attendeeId}-session-${sessions[0]}@fairgate`, new Date('2027-04-28T05:00:00Z'));
    const newKey = itemReminderKey(attendeeId, `itinerary-${attendeeId}-session-${sessions[0]}@fairgate`, new Date('2027-04-28T07:00:00Z'));
    await eventually(async () => Boolean(await queue.getJob(newKey)), (found) => found);
    expect(await queue.getJob(oldKey)).toBeUndefined();

    const itineraries = t.running.app.get(ItineraryService);
    const uid = `itinerary-${attendeeId}-session-${sessions[0]}@fairgate`;
    const before = mailsTo().length;
    await expect(itineraries.sendReminder({ attendeeId, kind: 'item', uid, startsAt: '2027-04-28T05:00:00.000Z', day: null })).resolves.toBe(false);
    await expect(itineraries.sendReminder({ attendeeId, kind: 'item', uid, startsAt: '2027-04-28T07:00:00.000Z', day: null })).resolves.toBe(true);
    await expect(itineraries.sendReminder({ attendeeId, kind: 'item', uid, startsAt: '2027-04-28T07:00:00.000Z', day: null })).resolves.toBe(false);
    const reminder = await mailTo(t, email, /starting soon/i);
    expect(reminder.parsed.text).toContain('Wed 28 Apr 2027, 4:00 PM');
    await mailSettled(t); // the refused reminders queued nothing: no row unsent, no mail job left
    expect(mailsTo().length).toBe(before + 1);
  });

  it('sends every consenting attendee a full itinerary as one bulk batch, with progress to 100 %, each exactly once', async () => {
    const people = Array.from({ length: 40 }, (_, n) => `bulk-${process.pid}-${n}@visitor.example`);
    for (const [n, address] of people.entries()) {
      await t.http.post(`/api/editions/${EDITION}/attendees`).send({
        name: `Visitor ${n}`, email: address, country: 'KR', kind: 'trade_visitor', days: ['2027-04-30'], language: n % 2 ? 'en' : 'ko',
        consentMessages: n !== 0, consentShareContact: false,
      }).expect(201);
    }
    const sent = await t.http.post(`/api/editions/${EDITION}/itineraries/send`).set('Authorization', organizer).expect(202);
    const consenting = Number((await t.db.pool.query(`SELECT count(*) AS n FROM attendees a JOIN fair_editions e ON e.id = a.edition_id WHERE e.code = $1 AND a.consent_messages`, [EDITION])).rows[0].n);
    expect(sent.body.attendees).toBe(consenting);
    const progress = await eventually(
      async () => (await t.http.get(`/api/organizer/mail/batches/${sent.body.batchId}`).set('Authorization', organizer).expect(200)).body,
      (b: { percent: number; total: number; sent: number }) => b.total === consenting && b.sent === consenting,
      120_000,
    );
    expect(progress.percent).toBe(100);
    await itinerariesSettled(Date.now()); // a later sweep has run and its mail is out: nothing more may come
    for (const address of people.slice(1)) {
      const mine = t.smtp.received.filter((m) => m.envelopeTo.includes(address) && /itinerary|일정/i.test(m.parsed.subject ?? ''));
      expect({ address, itineraries: mine.length }).toEqual({ address, itineraries: 1 });
    }
    expect(t.smtp.received.filter((m) => m.envelopeTo.includes(people[0]) && /itinerary|일정/i.test(m.parsed.subject ?? ''))).toEqual([]);
  }, 240_000); // 40 registrations and a bulk batch: minutes on a CI machine with a load average of 8–12

  it('adds a buyer’s published export meetings to its itinerary (the meetings’ own email carries their invitations)', async () => {
    const BASE = '/api/editions/green-car-2027/meetings';
    const buyer = `buyer-${process.pid}@hanoi-ev.example`;
    const call = (path: string, body: object) => t.http.post(`${BASE}${path}`).set('Authorization', organizer).send(body);
    await t.http.post('/api/editions/green-car-2027/meeting-sessions').set('Authorization', organizer)
      .send({ day: '2027-07-08', startsAt: '10:00', endsAt: '11:00' }).expect(201);
    await t.http.put(`${BASE}/tables`).set('Authorization', organizer).send({ codes: ['T01'] }).expect(200);
    const b = await call('/participants', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: buyer, languages: ['en'], interests: ['ev-powertrain'], tableCode: 'T01' }).expect(201);
    const x = await call('/participants', { side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: 'Lee Jun', email: `jun-${process.pid}@gj-motor.example`, languages: ['en'], interests: ['ev-powertrain'] }).expect(201);
    await call('/requests', { buyer: b.body.id, exhibitor: x.body.id, priority: 'must', requestedBy: 'organizer' }).expect(201);
    const reg = await t.http.post('/api/editions/green-car-2027/attendees').send({
      name: 'Tran Minh', email: buyer, country: 'VN', kind: 'buyer', days: ['2027-07-08'], language: 'en', consentMessages: true, consentShareContact: true,
    }).expect(201);
    expect(reg.body.id).toBeDefined();
    const run = await call('/schedule-runs', {}).expect(202);
    await eventually(async () => (await t.http.get(`${BASE}/schedule-runs/${run.body.id}`).set('Authorization', organizer)).body.status, (st) => st === 'done', 30_000);
    await call('/publish', {}).expect(200);

    const mail = await mailTo(t, buyer, /itinerary/i, 30_000);
    expect(mail.parsed.text).toContain('Export meeting: Gwangju Motor Co.');
    expect(mail.parsed.text).toMatch(/Thu 8 Jul 2027, 10:(00|30) AM/);
    expect(invitations(mail).filter((c) => c.uid.startsWith('meeting-'))).toEqual([]);
  });
});
