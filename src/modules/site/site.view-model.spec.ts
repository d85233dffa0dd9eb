import { translator } from '../../core/web/i18n';
import type { EditionListRow } from '../fairs/fairs-directory';
import { SITE_MESSAGES } from './site.messages';
import { editionPageView, frontDoorView, roleCards } from './site.view-model';

const edition = (code: string, seriesCode: string, startsOn: string, endsOn: string, status: EditionListRow['status']): EditionListRow => ({
  id: `id-${code}`, code, year: Number(startsOn.slice(0, 4)), startsOn, endsOn, status, seriesCode,
  seriesKo: seriesCode === 'ppuri' ? '국제뿌리산업전시회' : '국제그린카산업전시회', seriesEn: seriesCode === 'ppuri' ? 'PPURI Fair' : 'Green Car Expo',
  descriptionKo: '설명', descriptionEn: 'About', venueKo: '김대중컨벤션센터', venueEn: 'Kim Dae-jung Convention Center',
});

describe('the public site view models', () => {
  const ppuri18 = edition('ppuri-2018', 'ppuri', '2018-04-25', '2018-04-27', 'finished');
  const ppuri27 = edition('ppuri-2027', 'ppuri', '2027-04-28', '2027-04-30', 'registration_open');
  const green18 = edition('green-car-2018', 'green-car', '2018-07-05', '2018-07-07', 'finished');

  it('shows each fair with its coming edition first, the past ones apart, and fairs with nothing coming last', () => {
    const v = frontDoorView({ editions: [ppuri18, green18, ppuri27], today: '2026-12-04' }, 'ko');
    expect(v.series.map((s) => s.code)).toEqual(['ppuri', 'green-car']);
    expect(v.series[0].current).toMatchObject({ heading: '이번 회차', name: '2027 국제뿌리산업전시회', href: '/fairs/ppuri-2027', status: '등록 중' });
    expect(v.series[0].current?.dates).toBe('2027년 4월 28일 (수) – 4월 30일 (금)');
    expect(v.series[0].past.map((p) => p.code)).toEqual(['ppuri-2018']);
    expect(v.series[1].current).toMatchObject({ heading: '지난 회차', code: 'green-car-2018' });
    expect(frontDoorView({ editions: [], today: '2026-12-04' }, 'en').empty).toBe('No fairs are published at the moment.');
  });

  it('links visitors, buyers and exhibitors only while registration is open, and says why not otherwise', () => {
    const t = translator(SITE_MESSAGES, 'ko');
    expect(roleCards(ppuri27, t).map((r) => r.link?.href)).toEqual(['/fairs/ppuri-2027/visit', '/fairs/ppuri-2027/buyers', '/exhibitor/fairs/ppuri-2027']);
    for (const status of ['published', 'registration_closed', 'finished'] as const) {
      const cards = roleCards({ code: 'x-2027', status }, t);
      expect(cards.every((c) => c.link === undefined && c.reason)).toBe(true);
    }
    expect(roleCards({ code: 'x', status: 'registration_closed' }, t)[0].reason).toBe('사전 등록이 마감되었습니다. 현장 등록은 전시장에서 가능합니다.');
  });

  it('writes an edition page with hall and room names and times as people read them', () => {
    const v = editionPageView({
      edition: ppuri27,
      halls: [{ hallCode: 'EXH1', hallKo: '전시장 1홀', hallEn: 'Exhibition Hall 1', unitsCapacity: 240, unitsTaken: 0 }],
      sessions: [{
        id: 's1', titleKo: '주조 기술의 미래', titleEn: 'The future of casting', speakers: ['박 박사'], room: 'R301', roomKo: '제2센터 301호 회의실', roomEn: 'Meeting Room 301',
        startsAt: new Date('2027-04-28T05:00:00Z'), endsAt: new Date('2027-04-28T06:30:00Z'), capacity: 80,
      }],
      openingHours: [{ day: '2027-04-28', opensAt: '10:00', closesAt: '17:00' }],
    }, 'ko');
    expect(v.halls).toEqual(['전시장 1홀']);
    expect(v.programme[0]).toEqual({ title: '주조 기술의 미래', when: '2027년 4월 28일 (수) 오후 2:00–오후 3:30', room: '제2센터 301호 회의실', speakers: '박 박사' });
    expect(v.hours).toEqual(['4월 28일 (수) 오전 10:00–오후 5:00']);
    expect(v.facts[0]).toEqual({ label: '기간', value: '2027년 4월 28일 (수) – 4월 30일 (금)' });
  });
});
