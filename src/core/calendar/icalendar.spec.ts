import ICAL from 'ical.js';
import { escapeText, foldLine, renderCalendar } from './icalendar';

describe('iCalendar writer', () => {
  const doc = renderCalendar(
    {
      method: 'PUBLISH',
      name: 'KDJ Center · 전시장 1홀',
      timezone: 'Asia/Seoul',
      events: [
        {
          uid: 'booking-1@fairgate',
          sequence: 2,
          start: new Date('2027-04-28T01:00:00Z'),
          end: new Date('2027-04-28T09:00:00Z'),
          summary: 'PPURI 2027, setup; teardown\\ — 국제뿌리산업전시회 전시장 설치 및 철거 일정 안내 문구가 아주 길게 이어집니다',
          status: 'CONFIRMED',
        },
      ],
    },
    new Date('2027-01-01T00:00:00Z'),
  );

  it('parses with a real parser, keeping UID, SEQUENCE, text and Seoul times', () => {
    const component = new ICAL.Component(ICAL.parse(doc));
    expect(component.getFirstPropertyValue('method')).toBe('PUBLISH');
    const vevent = component.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe('booking-1@fairgate');
    expect(event.sequence).toBe(2);
    expect(event.summary).toBe('PPURI 2027, setup; teardown\\ — 국제뿌리산업전시회 전시장 설치 및 철거 일정 안내 문구가 아주 길게 이어집니다');
    const tz = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone')!);
    ICAL.TimezoneService.register(tz);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-04-28T01:00:00.000Z'); // 10:00 KST = 01:00Z
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('uses CRLF and folds lines at 75 octets without splitting characters', () => {
    expect(doc.includes('\r\n')).toBe(true);
    for (const line of doc.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(foldLine('가'.repeat(40)).split('\r\n ').join('')).toBe('가'.repeat(40));
  });

  it('escapes text values', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });
});
