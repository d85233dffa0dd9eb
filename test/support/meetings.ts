import type { TestApp } from './test-app';

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
