import { renderMail } from '../../../core/mail/mail-template';
import { attendeeLinkMail } from './attendee-link.mail';
import { itineraryMail, type ItineraryMailParams } from './itinerary.mail';
import { reminderMail } from './reminder.mail';

const edition = { ko: '2027 국제뿌리산업전시회', en: '2027 PPURI' };
const item = { startsAt: '2027-04-28T05:00:00.000Z', endsAt: '2027-04-28T06:30:00.000Z', title: { ko: '주조 기술', en: 'Casting' }, location: { ko: '301호', en: 'Room 301' } };

describe('visitor emails', () => {
  const link = (locale: 'ko' | 'en') => renderMail(attendeeLinkMail, {
    name: '김민준', editionNameKo: edition.ko, editionNameEn: edition.en, badgeCode: 'FG-AB23-CD45', days: ['2027-04-28', '2027-04-29'],
    accessPath: '/attendee/tok', reason: 'registered', confirmed: false,
  }, locale, { publicUrl: 'https://fair.example' });
  const itinerary = (locale: 'ko' | 'en') => renderMail(itineraryMail, {
    attendeeId: 'a', name: '김민준', email: 'minjun@example.com', edition, organizer: { email: 'org@fairgate.example', name: 'Fairgate' }, full: true,
    items: [{ ...item, uid: 'u1', kind: 'session', details: { ko: '', en: '' }, sequence: 0, changed: true }], cancelled: [],
  } satisfies ItineraryMailParams, locale, { publicUrl: '' });
  const reminder = (locale: 'ko' | 'en') => renderMail(reminderMail, { name: '김민준', edition, kind: 'item', items: [item] }, locale, { publicUrl: '' });

  it('greets 김민준 님, writes dates by hand without AM/PM, and says in Korean where and why', () => {
    for (const mail of [link('ko'), itinerary('ko'), reminder('ko')]) {
      for (const body of [mail.text, mail.html]) {
        expect(body).toContain('김민준 님, 안녕하세요.');
        expect(body).toContain('김대중컨벤션센터');
        expect(body).toContain('광주광역시 서구 상무누리로 30');
        expect(body).toContain('참관 등록 때 입력하신 이메일 주소로 보내 드리는 안내입니다.');
        expect(body).not.toMatch(/\b(AM|PM)\b|Kim Dae-jung/);
      }
    }
    expect(link('ko').text).toContain('참관일: 2027년 4월 28일 (수), 2027년 4월 29일 (목)');
    expect(itinerary('ko').text).toContain('2027년 4월 28일 (수) 오후 2:00–오후 3:30 주조 기술 · 301호');
    expect(reminder('ko').text).toContain('2027년 4월 28일 (수) 오후 2:00–오후 3:30 주조 기술 · 301호');
  });

  it('writes English emails in English, footer included', () => {
    expect(link('en').text).toContain('Days: Wed 28 Apr 2027, Thu 29 Apr 2027');
    expect(itinerary('en').text).toContain('Wed 28 Apr 2027, 2:00 PM–3:30 PM Casting · Room 301');
    for (const mail of [link('en'), itinerary('en'), reminder('en')]) {
      expect(mail.text).toContain('Dear 김민준,');
      expect(mail.text).toContain('30 Sangmunuri-ro, Seo-gu, Gwangju');
      expect(mail.text).toContain('registered as a visitor of 2027 PPURI');
      expect(mail.html).not.toContain('광주광역시');
    }
  });
});
