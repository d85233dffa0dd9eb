import ICAL from 'ical.js';
import { buildItinerary, diffItinerary, itineraryCalendar, itineraryInvitations, sessionUid, type ItineraryInput, type SentItem } from './itinerary';

const input = (over: Partial<ItineraryInput> = {}): ItineraryInput => ({
  attendee: { id: 'a1', name: 'Maria Lopez', email: 'maria@buyer.example' },
  edition: { name: { ko: '2027 국제뿌리산업전시회', en: '2027 PPURI Fair' }, venue: { ko: '김대중컨벤션센터', en: 'Kim Dae-jung Convention Center' } },
  days: [{ date: '2027-04-28', opensAt: '10:00', closesAt: '17:00' }],
  sessions: [{ id: 's1', title: { ko: '주조 기술', en: 'Casting today' }, room: { ko: '301호', en: 'Room 301' }, startsAt: new Date('2027-04-28T05:00:00Z'), endsAt: new Date('2027-04-28T06:00:00Z') }],
  meetings: [{ uid: 'meeting-m1@fairgate', startsAt: new Date('2027-04-28T01:00:00Z'), endsAt: new Date('2027-04-28T01:30:00Z'), table: 'T3', counterpart: '빛고을정밀' }],
  booths: [{ company: '빛고을정밀', hall: { ko: '전시장 1홀', en: 'Hall 1' }, boothCodes: ['1A01'], categories: ['casting'] }],
  organizer: { email: 'noreply@fairgate.example', name: 'Fairgate' },
  ...over,
});

const parse = (ics: string) => {
  const comp = new ICAL.Component(ICAL.parse(ics));
  const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent') ?? undefined);
  return { method: comp.getFirstPropertyValue('method'), uid: ev.uid, sequence: ev.sequence, start: ev.startDate.toJSDate(), status: comp.getFirstSubcomponent('vevent')?.getFirstPropertyValue('status') };
};

describe('itinerary', () => {
  it('orders exhibition hours, the meeting and the session in Seoul time, with booth visits in the day', () => {
    const items = buildItinerary(input());
    expect(items.map((i) => i.kind)).toEqual(['exhibition', 'meeting', 'session']);
    expect(items[0].startsAt.toISOString()).toBe('2027-04-28T01:00:00.000Z'); // 10:00 KST
    expect(items[0].details.en).toContain('1A01');
  });

  it('keeps UIDs, raises SEQUENCE only on a change, and cancels what disappeared', () => {
    const first = buildItinerary(input());
    const d0 = diffItinerary([], first);
    expect(d0.changed.map((c) => c.sequence)).toEqual([0, 0, 0]);
    const sent: SentItem[] = first.map((i) => ({ uid: i.uid, sequence: 0, fingerprint: i.fingerprint, cancelled: false }));
    expect(diffItinerary(sent, buildItinerary(input())).changed).toEqual([]);

    const moved = buildItinerary(input({ sessions: [{ ...input().sessions[0], startsAt: new Date('2027-04-28T06:00:00Z'), endsAt: new Date('2027-04-28T07:00:00Z') }] }));
    const d1 = diffItinerary(sent, moved);
    expect(d1.changed).toEqual([expect.objectContaining({ sequence: 1, item: expect.objectContaining({ uid: sessionUid('a1', 's1') }) })]);

    const without = buildItinerary(input({ sessions: [] }));
    const d2 = diffItinerary(sent, without);
    expect(d2.cancelled).toEqual([expect.objectContaining({ uid: sessionUid('a1', 's1'), sequence: 1, method: 'CANCEL' })]);
  });

  it('writes iTIP calendars a real parser reads: REQUEST and CANCEL with matching UID and SEQUENCE', () => {
    const first = buildItinerary(input());
    const sent: SentItem[] = first.map((i) => ({ uid: i.uid, sequence: 0, fingerprint: i.fingerprint, cancelled: false }));
    const diff = diffItinerary(sent, buildItinerary(input({ sessions: [] })), new Map([[sessionUid('a1', 's1'), first[2]]]));
    const [cancel] = itineraryInvitations(input(), diff, 'en');
    expect(parse(cancel.ics)).toMatchObject({ method: 'CANCEL', uid: sessionUid('a1', 's1'), sequence: 1, status: 'CANCELLED' });
    expect(parse(cancel.ics).start.toISOString()).toBe('2027-04-28T05:00:00.000Z');

    const file = itineraryCalendar(first, new Map(), 'ko', 'Fairgate');
    const comp = new ICAL.Component(ICAL.parse(file));
    expect(comp.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(comp.getAllSubcomponents('vevent')).toHaveLength(3);
    expect(file).toContain('TZID:Asia/Seoul');
    expect(file).not.toContain('ATTENDEE');
  });
});
