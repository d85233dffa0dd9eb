import { translator, type Lang } from '../../../core/web/i18n';
import { ATTENDEE_MESSAGES } from './attendee-page.messages';
import { renderAttendeePage, type AttendeePageContext, type AttendeePageModel } from './attendee-page.view';
import { attendeePageLang, flashNotice, refusalNotice } from './attendee-page.view-model';

const ctx = (lang: Lang): AttendeePageContext => ({ lang, t: translator(ATTENDEE_MESSAGES, lang), langHref: (l) => `/attendee/tok?lang=${l}` });

const model: AttendeePageModel = {
  token: 'tok', formToken: 'ft', qrSvg: '<svg viewBox="0 0 1 1"></svg>', search: { q: '', category: '' }, categories: [], exhibitors: [],
  overview: {
    attendee: {
      id: 'a', name: '김민준', email: 'minjun@example.com', company: '광주전자', country: 'KR', kind: 'buyer', days: ['2027-04-28', '2027-04-29'], language: 'ko',
      consentMessages: true, consentShareContact: false, confirmedAt: '2027-04-01T05:00:00.000Z',
    },
    edition: { code: 'ppuri-2027', nameKo: '2027 국제뿌리산업전시회', nameEn: '2027 PPURI', startsOn: '2027-04-28', endsOn: '2027-04-30' },
    badgeCode: 'FG-AAAA-BBBB',
    sessions: [{ id: 's', titleKo: '주조', titleEn: 'Casting', speakers: [], room: 'R301', roomKo: '301호 회의실', roomEn: 'Meeting Room 301', startsAt: '2027-04-28T05:00:00.000Z', endsAt: '2027-04-28T06:30:00.000Z', capacity: 10, seatsLeft: 3, myStatus: 'none', queuePosition: null }],
    bookmarks: [],
  },
  itinerary: [{ kind: 'exhibition', startsAt: '2027-04-28T01:00:00.000Z', endsAt: '2027-04-28T08:00:00.000Z', title: '전시 관람', location: '김대중컨벤션센터', details: '' }],
};

describe('attendee page view model', () => {
  it('picks the language: query, then the registration, then the browser', () => {
    expect(attendeePageLang('en', 'ko', 'ko')).toBe('en');
    expect(attendeePageLang(undefined, 'en', 'ko')).toBe('en');
    expect(attendeePageLang('xx', undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(attendeePageLang(undefined, undefined, undefined)).toBe('ko');
  });

  it('shows only known flashes, in the page language', () => {
    const t = translator(ATTENDEE_MESSAGES, 'ko');
    expect(flashNotice('confirmed', t)).toEqual({ kind: 'ok', text: '등록이 확인되었습니다.' });
    expect(flashNotice('<script>', t)).toBeUndefined();
    expect(flashNotice('toString', t)).toBeUndefined();
  });

  it('words a refusal in the page language, never the service message', () => {
    const t = translator(ATTENDEE_MESSAGES, 'ko');
    expect(refusalNotice(403, 'csrf', t).text).toContain('양식이 만료되었습니다');
    expect(refusalNotice(404, undefined, t).text).toBe('처리하지 못했습니다: 해당 세션이나 출품사를 찾을 수 없습니다.');
    expect(refusalNotice(500, undefined, t).kind).toBe('bad');
  });

  it('writes dates by hand: Korean without AM/PM, in the site frame with noindex', () => {
    const ko = renderAttendeePage(ctx('ko'), model);
    expect(ko).toContain('2027년 4월 28일 (수) 오후 2:00–오후 3:30 · 301호 회의실');
    expect(ko).toContain('<li>2027년 4월 29일 (목)</li>');
    expect(ko).toContain('확인 완료: 2027년 4월 1일 (목) 오후 2:00');
    expect(ko).not.toMatch(/\b(AM|PM)\b/);
    expect(ko).toContain('noindex');
    expect(ko).toContain('광주광역시 서구 상무누리로 30');
    const en = renderAttendeePage(ctx('en'), model);
    expect(en).toContain('Wed 28 Apr 2027, 2:00 PM–3:30 PM · Meeting Room 301');
    expect(en).toContain('<dl class="facts">');
  });
});
