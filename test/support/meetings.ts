import { eventually, type TestApp } from './test-app';

/**
 * Green Car 2027's export meetings on one day, 10:00–12:30 in 30-minute slots with a break at
 * 11:00: four slots, at the given tables.
 */
export async function fourSlotMeetingDay(t: TestApp, organizer: string, tables: string[]): Promise<void> {
  await t.http
    .post('/api/editions/green-car-2027/meeting-sessions')
    .set('Authorization', organizer)
    .send({ day: '2027-07-08', startsAt: '10:00', endsAt: '12:30', breaks: [{ start: '11:00', end: '11:30' }] })
    .expect(201);
  await t.http.put('/api/editions/green-car-2027/meetings/tables').set('Authorization', organizer).send({ codes: tables }).expect(200);
}

/** A participant by its key in the fixture, with the body the API takes. */
export type Participants = Array<[key: string, body: Record<string, unknown>]>;
/** A meeting the fixture locks in place: buyer key, exhibitor key, slot, table. */
export type LockedMeetings = Array<[buyer: string, exhibitor: string, slot: string, table: string]>;

/**
 * A published schedule on the four-slot day: the participants, one must-meet request per planned
 * meeting locked at its slot and table, a schedule run waited for, and the publication. Returns the
 * participants' ids by key and the published schedule (as GET …/meetings/schedule answers).
 */
export async function publishedMeetingDay(
  t: TestApp,
  organizer: string,
  setup: { tables: string[]; people: Participants; plan: LockedMeetings },
): Promise<{ ids: Record<string, string>; schedule: Array<Record<string, string>> }> {
  const api = '/api/editions/green-car-2027/meetings';
  const post = (path: string, body: unknown) => t.http.post(`${api}${path}`).set('Authorization', organizer).send(body as object);
  await fourSlotMeetingDay(t, organizer, setup.tables);
  const ids: Record<string, string> = {};
  for (const [key, body] of setup.people) ids[key] = (await post('/participants', body).expect(201)).body.id;
  for (const [buyer, exhibitor, slot, table] of setup.plan) {
    const r = (await post('/requests', { buyer: ids[buyer], exhibitor: ids[exhibitor], priority: 'must', requestedBy: 'organizer' }).expect(201)).body.id;
    await t.http.put(`${api}/requests/${r}/lock`).set('Authorization', organizer).send({ slot, table }).expect(200);
  }
  const run = (await post('/schedule-runs', {}).expect(202)).body.id;
  await eventually(async () => (await t.http.get(`${api}/schedule-runs/${run}`).set('Authorization', organizer)).body, (r) => r.status === 'done' || r.status === 'failed');
  await post('/publish', {}).expect(200);
  const schedule = (await t.http.get(`${api}/schedule`).set('Authorization', organizer).expect(200)).body as Array<Record<string, string>>;
  return { ids, schedule };
}
