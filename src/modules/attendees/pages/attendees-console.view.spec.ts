import type { ConsoleContext } from '../../../core/web/console-context';
import { consoleFilterOf, consoleT, countsMatrix, csvUrl, listUrl, renderDetailPage, renderListPage, templateLabel } from './attendees-console.view';
import type { AttendeeDetail, AttendeeListPage } from '../attendees-console.service';

const ctx = (lang: 'ko' | 'en'): ConsoleContext => ({ lang, langHref: (l) => `?lang=${l}`, user: { displayName: '주최자', csrf: 'tok' } });
const edition = { code: 'ppuri-2027', nameKo: '2027 국제뿌리산업전시회', nameEn: '2027 PPURI', startsOn: '2027-04-28', endsOn: '2027-04-29', status: 'registration_open', days: ['2027-04-28', '2027-04-29'] };
const row = {
  id: '11111111-1111-4111-8111-111111111111', name: '김민준', email: 'minjun@example.com', company: '광주전자', country: 'KR', kind: 'buyer', days: ['2027-04-28'], locale: 'ko',
  consentMessages: true, consentShareContact: false, badgeCode: 'FG-AAAA-BBBB', confirmedAt: null, createdAt: new Date('2027-04-01T05:00:00Z'),
};

describe('attendees console view', () => {
  it('reads the filters, dropping what is malformed', () => {
    expect(consoleFilterOf({ q: ' 김 ', kind: 'buyer', day: '2027-04-28', page: '3' })).toEqual({ filter: { q: '김', kind: 'buyer', day: '2027-04-28' }, page: 3 });
    expect(consoleFilterOf({ kind: 'vip', day: 'tomorrow', page: '-1', q: ['a'] })).toEqual({ filter: {}, page: 1 });
    expect(listUrl('ppuri-2027', { q: 'a b', kind: 'press' }, 2)).toBe('/console/attendees/ppuri-2027?q=a+b&kind=press&page=2');
    expect(csvUrl('ppuri-2027', { day: '2027-04-28' })).toBe('/console/attendees/ppuri-2027/attendees.csv?day=2027-04-28');
  });

  it('counts every day of the edition, zeros included, with totals', () => {
    expect(countsMatrix([{ day: '2027-04-28', kind: 'buyer', n: 2 }, { day: '2027-04-29', kind: 'press', n: 1 }], edition.days)).toEqual({
      rows: [{ day: '2027-04-28', cells: [0, 2, 0], total: 2 }, { day: '2027-04-29', cells: [0, 0, 1], total: 1 }], totals: [0, 2, 1], total: 3,
    });
  });

  it('names the attendee emails, other templates by their name', () => {
    expect(templateLabel(consoleT('ko'), 'attendees.itinerary')).toBe('참관 일정');
    expect(templateLabel(consoleT('ko'), 'exhibitor.application-submitted')).toBe('exhibitor.application-submitted');
  });

  it('renders the list and the detail in the console frame, Korean dates without AM/PM', () => {
    const list: AttendeeListPage = { edition, filter: {}, rows: [row], total: 1, page: 1, pageSize: 50, counts: [{ day: '2027-04-28', kind: 'buyer', n: 1 }] };
    const page = renderListPage(ctx('ko'), list);
    expect(page).toContain('aria-current="page">참관객</a>');
    expect(page).toContain('1명 중 1–1');
    expect(page).toContain('등록 2027년 4월 1일 (목) 오후 2:00');
    expect(page).not.toMatch(/\b(AM|PM)\b/);
    const detail: AttendeeDetail = {
      edition, attendee: row, bookmarks: [], itinerary: [],
      picks: [{ titleKo: '주조 기술', titleEn: 'Casting', roomKo: '301호', roomEn: 'Room 301', startsAt: new Date('2027-04-28T05:00:00Z'), endsAt: new Date('2027-04-28T06:00:00Z'), status: 'waitlisted', queuePosition: 2 }],
      emails: [{ id: 'e', template: 'attendees.access-link', locale: 'ko', status: 'failed', attempts: 3, lastError: '550 no such user', createdAt: new Date('2027-04-01T05:00:00Z'), sentAt: null, failedAt: new Date('2027-04-01T05:01:00Z') }],
    };
    const d = renderDetailPage(ctx('ko'), detail);
    expect(d).toContain('김민준 님');
    expect(d).toContain('2027년 4월 28일 (수) 오후 2:00–오후 3:00 · 301호');
    expect(d).toContain('대기 2번');
    expect(d).toContain('참관 등록 개인 링크');
    expect(d).toContain('실패 2027년 4월 1일 (목) 오후 2:01');
    expect(renderDetailPage(ctx('en'), detail)).toContain('Wed 28 Apr 2027, 2:00 PM–3:00 PM · Room 301');
  });
});
